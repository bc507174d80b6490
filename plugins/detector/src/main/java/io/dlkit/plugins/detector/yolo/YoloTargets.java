package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Iou;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.Arrays;
import java.util.List;

/**
 * Training targets for a YOLOv2 output, as the notes assign them: each ground-truth box belongs to
 * the cell its centre falls in and, within that cell, to the anchor of highest IoU with it (sizes
 * compared with the centres aligned). The target has the decoder's layout, {@code S_h x S_w x B x
 * (5 + C)} channels last; for an assigned (cell, anchor) it holds
 *
 * <pre>
 * [ gx - cx,  gy - cy,  ln(w S_w / p_w),  ln(h S_h / p_h),  1,  one-hot class ]
 * </pre>
 *
 * where {@code (gx, gy)} is the box centre in grid units, so the first two are what {@code
 * sigmoid(t_x)}, {@code sigmoid(t_y)} should become and the next two what {@code t_w}, {@code t_h}
 * should be. Everything else is 0, and the object mask ({@code S_h x S_w x B}) is 1 exactly at the
 * assigned places. When two boxes land on the same cell and anchor, the later one wins (as in
 * Darknet and YAD2K) and the collision is counted.
 */
public final class YoloTargets {
    private final int gridH;
    private final int gridW;
    private final float[] anchors;
    private final int classes;

    /** Targets for the grid, anchors (w, h pairs in cells) and classes of a {@link YoloDecoder}. */
    public YoloTargets(int gridH, int gridW, float[] anchors, int classes) {
        new YoloDecoder(gridH, gridW, anchors, classes); // same argument checks
        this.gridH = gridH;
        this.gridW = gridW;
        this.anchors = anchors.clone();
        this.classes = classes;
    }

    /** Floats of one image's target: {@code S_h * S_w * B * (5 + C)}. */
    public int targetSize() {
        return maskSize() * (5 + classes);
    }

    /** B. */
    public int anchorCount() {
        return anchors.length / 2;
    }

    /** Floats of one image's object mask: {@code S_h * S_w * B}. */
    public int maskSize() {
        return gridH * gridW * (anchors.length / 2);
    }

    /**
     * Writes one image's target and mask into batch arrays at image {@code index} (both cleared
     * there first), for reuse across batches.
     *
     * @param boxes the image's labels, boxes as fractions of the network input
     * @return the number of boxes that overwrote an earlier one at the same cell and anchor
     */
    public int encodeInto(List<LabeledBox> boxes, float[] target, float[] mask, int index) {
        requireNonNull(boxes, "boxes is null");
        int tOff = index * targetSize();
        int mOff = index * maskSize();
        Arrays.fill(target, tOff, tOff + targetSize(), 0f);
        Arrays.fill(mask, mOff, mOff + maskSize(), 0f);
        int collisions = 0;
        for (LabeledBox b : boxes) {
            if (b.classId() >= classes) {
                throw new IllegalArgumentException(
                        "class " + b.classId() + " is outside the model's " + classes + " classes");
            }
            if (b.box().width() > 0 && b.box().height() > 0) {
                collisions += assign(b, target, mask, tOff, mOff);
            }
        }
        return collisions;
    }

    private int assign(LabeledBox b, float[] target, float[] mask, int tOff, int mOff) {
        BoundingBox box = b.box();
        float gx = box.centerX() * gridW;
        float gy = box.centerY() * gridH;
        int col = Math.min(Math.max((int) Math.floor(gx), 0), gridW - 1);
        int row = Math.min(Math.max((int) Math.floor(gy), 0), gridH - 1);
        float w = box.width() * gridW;
        float h = box.height() * gridH;
        int a = bestAnchor(w, h);
        int slot = (row * gridW + col) * (anchors.length / 2) + a;
        int collision = mask[mOff + slot] > 0 ? 1 : 0;
        int at = tOff + slot * (5 + classes);
        Arrays.fill(target, at, at + 5 + classes, 0f);
        target[at] = gx - col;
        target[at + 1] = gy - row;
        target[at + 2] = (float) Math.log(w / anchors[2 * a]);
        target[at + 3] = (float) Math.log(h / anchors[2 * a + 1]);
        target[at + 4] = 1f;
        target[at + 5 + b.classId()] = 1f;
        mask[mOff + slot] = 1f;
        return collision;
    }

    /** The anchor of highest IoU with a {@code w x h} box (in cells); the first on ties. */
    int bestAnchor(float w, float h) {
        int best = 0;
        double bestIou = -1;
        for (int a = 0; a < anchors.length / 2; a++) {
            double iou = Iou.aligned(w, h, anchors[2 * a], anchors[2 * a + 1]);
            if (iou > bestIou) {
                bestIou = iou;
                best = a;
            }
        }
        return best;
    }
}
