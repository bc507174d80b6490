package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a YOLOv2 output into boxes. The output is one image's {@code S_h x S_w x B x (5 + C)}
 * tensor, channels last, as a flat float array (Darknet's {@code [region]} layer and YAD2K's {@code
 * S x S x B(5 + C)} hold the same values in the same order). For cell {@code (cx, cy)} and anchor
 * {@code (p_w, p_h)} (in grid cells), with {@code t = (t_x, t_y, t_w, t_h, t_o, l_1..l_C)}:
 *
 * <pre>
 * b_x = (cx + sigmoid(t_x)) / S_w        b_w = p_w * exp(t_w) / S_w
 * b_y = (cy + sigmoid(t_y)) / S_h        b_h = p_h * exp(t_h) / S_h
 * p_c = sigmoid(t_o)                     c_i = softmax(l)_i
 * score = max_i p_c * c_i,  class = argmax_i c_i
 * </pre>
 *
 * Boxes come out in corner form as fractions of the network input ({@code [0, 1]} inside it); use
 * {@link ImageMapping} for pixels of the original image. Boxes scoring below the threshold are
 * dropped here, before {@link io.dlkit.plugins.detector.boxes.NonMaxSuppression}; since {@code c_i
 * <= 1}, a box whose {@code p_c} is already below it skips the softmax.
 */
public final class YoloDecoder {
    private final int gridH;
    private final int gridW;
    private final float[] anchors;
    private final int classes;

    /**
     * @param gridH the grid's rows {@code S_h}
     * @param gridW the grid's columns {@code S_w}
     * @param anchors {@code B} anchors as {@code w0, h0, w1, h1, ...} in grid cells (the {@code
     *     anchors} of Darknet's {@code [region]})
     * @param classes {@code C}
     */
    public YoloDecoder(int gridH, int gridW, float[] anchors, int classes) {
        requireNonNull(anchors, "anchors is null");
        if (gridH < 1 || gridW < 1) {
            throw new IllegalArgumentException(
                    "grid must be at least 1x1, got " + gridH + "x" + gridW);
        }
        if (anchors.length == 0 || anchors.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "anchors must be w, h pairs, got " + anchors.length + " values");
        }
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        }
        this.gridH = gridH;
        this.gridW = gridW;
        this.anchors = anchors.clone();
        this.classes = classes;
    }

    /** The number of floats one image's output holds: {@code S_h * S_w * B * (5 + C)}. */
    public int outputSize() {
        return gridH * gridW * (anchors.length / 2) * (5 + classes);
    }

    /**
     * The boxes of one image's output scoring at least {@code scoreThreshold}, in the order of the
     * output (row, column, anchor), in fractions of the network input.
     */
    public List<Detection> decode(float[] output, float scoreThreshold) {
        return decode(output, 0, scoreThreshold);
    }

    /** As {@link #decode(float[], float)} for the image starting at {@code offset} in a batch. */
    public List<Detection> decode(float[] output, int offset, float scoreThreshold) {
        requireNonNull(output, "output is null");
        if (offset < 0 || output.length - offset < outputSize()) {
            throw new IllegalArgumentException(
                    "output has "
                            + (output.length - offset)
                            + " values from offset "
                            + offset
                            + ", a "
                            + gridH
                            + "x"
                            + gridW
                            + "x"
                            + anchors.length / 2
                            + "x"
                            + (5 + classes)
                            + " YOLO output needs "
                            + outputSize());
        }
        List<Detection> out = new ArrayList<>();
        int stride = 5 + classes;
        int at = offset;
        for (int cy = 0; cy < gridH; cy++) {
            for (int cx = 0; cx < gridW; cx++) {
                for (int a = 0; a < anchors.length / 2; a++, at += stride) {
                    decodeOne(output, at, cx, cy, a, scoreThreshold, out);
                }
            }
        }
        return out;
    }

    private void decodeOne(
            float[] t, int at, int cx, int cy, int a, float threshold, List<Detection> out) {
        float objectness = sigmoid(t[at + 4]);
        if (objectness < threshold) {
            return;
        }
        int best = 0;
        float max = t[at + 5];
        for (int i = 1; i < classes; i++) {
            if (t[at + 5 + i] > max) {
                max = t[at + 5 + i];
                best = i;
            }
        }
        // score = p_c / sum(exp(l_i - max)); the sum only grows, so stop once it is too large
        double limit = threshold > 0 ? objectness / threshold : Double.POSITIVE_INFINITY;
        double sum = 0;
        for (int i = 0; i < classes; i++) {
            sum += Math.exp(t[at + 5 + i] - max);
            if (sum > limit) {
                return;
            }
        }
        float score = (float) (objectness / sum);
        if (score < threshold) {
            return;
        }
        float bx = (cx + sigmoid(t[at])) / gridW;
        float by = (cy + sigmoid(t[at + 1])) / gridH;
        float bw = (float) (anchors[2 * a] * Math.exp(t[at + 2]) / gridW);
        float bh = (float) (anchors[2 * a + 1] * Math.exp(t[at + 3]) / gridH);
        out.add(new Detection(BoundingBox.fromCenter(bx, by, bw, bh), best, score));
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}
