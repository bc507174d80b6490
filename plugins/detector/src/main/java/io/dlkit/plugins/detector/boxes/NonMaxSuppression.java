package io.dlkit.plugins.detector.boxes;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Non-max suppression as the notes describe it:
 *
 * <ol>
 *   <li>each box's score is {@code p_c x c_i} (done by the decoder);
 *   <li>discard every box whose score is below the score threshold;
 *   <li>take the box with the highest score as an output and discard every remaining box whose IoU
 *       with it is above the IoU threshold;
 *   <li>repeat 3 until no box is left (or {@code maxDetections} are kept).
 * </ol>
 *
 * <p>This runs within each class (a dog box never suppresses a bicycle box), or across classes with
 * {@link NmsOptions#classAgnostic()}. Equal scores keep the lower index first, as TensorFlow's
 * {@code NonMaxSuppressionV5} does; with the same thresholds both keep the same indices.
 */
public final class NonMaxSuppression {
    private NonMaxSuppression() {}

    /**
     * The detections that survive, highest score first, at most {@code options.maxDetections()}.
     */
    public static List<Detection> apply(List<Detection> candidates, NmsOptions options) {
        requireNonNull(candidates, "candidates is null");
        requireNonNull(options, "options is null");
        Map<Integer, List<Detection>> groups = new LinkedHashMap<>();
        for (Detection d : candidates) {
            int key = options.classAgnostic() ? 0 : d.classId();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
        }
        List<Detection> kept = new ArrayList<>();
        for (List<Detection> group : groups.values()) {
            kept.addAll(suppressGroup(group, options));
        }
        kept.sort(Comparator.comparingDouble((Detection d) -> d.score()).reversed());
        return kept.size() > options.maxDetections()
                ? List.copyOf(kept.subList(0, options.maxDetections()))
                : List.copyOf(kept);
    }

    private static List<Detection> suppressGroup(List<Detection> group, NmsOptions options) {
        int n = group.size();
        float[] boxes = new float[4 * n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            BoundingBox b = group.get(i).box();
            boxes[4 * i] = b.x1();
            boxes[4 * i + 1] = b.y1();
            boxes[4 * i + 2] = b.x2();
            boxes[4 * i + 3] = b.y2();
            scores[i] = group.get(i).score();
        }
        int[] keep =
                select(
                        boxes,
                        scores,
                        options.scoreThreshold(),
                        options.iouThreshold(),
                        options.maxDetections());
        List<Detection> out = new ArrayList<>(keep.length);
        for (int k : keep) {
            out.add(group.get(k));
        }
        return out;
    }

    /**
     * The core on flat arrays, for one class: the indices of the kept boxes, highest score first.
     *
     * @param boxes {@code n} boxes in corner form, {@code x1, y1, x2, y2} each
     * @param scores {@code n} scores; boxes scoring below {@code scoreThreshold} (or NaN) are
     *     dropped
     * @param iouThreshold a box overlapping a kept one with IoU above this is suppressed
     * @param maxOutput stop after keeping this many
     */
    public static int[] select(
            float[] boxes,
            float[] scores,
            float scoreThreshold,
            float iouThreshold,
            int maxOutput) {
        if (boxes.length != 4 * scores.length) {
            throw new IllegalArgumentException(
                    "boxes must hold 4 values per score: "
                            + boxes.length
                            + " values for "
                            + scores.length
                            + " scores");
        }
        int[] order = byScoreDescending(scores, scoreThreshold);
        int[] kept = new int[Math.min(order.length, Math.max(maxOutput, 0))];
        int count = 0;
        for (int i = 0; i < order.length && count < kept.length; i++) {
            if (!overlapsKept(boxes, order[i], kept, count, iouThreshold)) {
                kept[count++] = order[i];
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private static boolean overlapsKept(
            float[] b, int candidate, int[] kept, int count, float iouThreshold) {
        int c = 4 * candidate;
        for (int k = 0; k < count; k++) {
            int o = 4 * kept[k];
            double iou =
                    Iou.corners(
                            b[c], b[c + 1], b[c + 2], b[c + 3], b[o], b[o + 1], b[o + 2], b[o + 3]);
            if (iou > iouThreshold) {
                return true;
            }
        }
        return false;
    }

    /** Indices of scores at or above the threshold, highest first, ties by lower index. */
    static int[] byScoreDescending(float[] scores, float threshold) {
        long[] keys = new long[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                // Negated order-preserving int image of the float in the high half, index below.
                keys[n++] = (-(long) sortableBits(scores[i]) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (keys[i] & 0xFFFFFFFFL);
        }
        return order;
    }

    /** An int that orders like the float does (for non-NaN values). */
    private static int sortableBits(float f) {
        int bits = Float.floatToIntBits(f);
        return bits ^ ((bits >> 31) & 0x7FFFFFFF);
    }
}
