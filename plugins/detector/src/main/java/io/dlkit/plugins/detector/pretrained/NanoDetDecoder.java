package io.dlkit.plugins.detector.pretrained;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes NanoDet's outputs, level by level (strides 8, 16 and 32 on a 416 input: grids 52, 26,
 * 13). Per cell (row-major) a level gives C sigmoid class scores and, for each side (left, top,
 * right, bottom), a Generalised Focal Loss distribution over {@code bins} logits: the distance is
 * the expectation {@code sum_k k * softmax(logits)_k}, in strides, from the cell centre {@code
 * ((col + 0.5) * stride, (row + 0.5) * stride)}. Every class scoring at least the threshold in a
 * cell is a candidate with that cell's box, in fractions of the input.
 */
public final class NanoDetDecoder {
    private static final int SIDES = 4;
    private final int inputSize;
    private final int classCount;
    private final int bins;

    /**
     * @param inputSize the square input's side in pixels (416)
     * @param classCount the number of classes (80)
     * @param bins the bins of each side's distribution (11: distances 0 to 10 strides)
     */
    public NanoDetDecoder(int inputSize, int classCount, int bins) {
        if (inputSize < 1 || classCount < 1 || bins < 1) {
            throw new IllegalArgumentException("inputSize, classCount and bins must be >= 1");
        }
        this.inputSize = inputSize;
        this.classCount = classCount;
        this.bins = bins;
    }

    /**
     * The candidates of one level.
     *
     * @param scores {@code cells x classCount} class scores of a square grid
     * @param distributions {@code cells x 4 x bins} side logits
     * @throws IllegalArgumentException if the sizes do not fit a square grid dividing the input
     */
    public List<Detection> decodeLevel(float[] scores, float[] distributions, float minScore) {
        int cells = scores.length / classCount;
        int grid = (int) Math.round(Math.sqrt(cells));
        if (scores.length != cells * classCount
                || grid * grid != cells
                || distributions.length != cells * SIDES * bins
                || inputSize % grid != 0) {
            throw new IllegalArgumentException(
                    "NanoDet level sizes do not fit: "
                            + scores.length
                            + " scores, "
                            + distributions.length
                            + " distribution values, input "
                            + inputSize);
        }
        float stride = (float) inputSize / grid;
        List<Detection> out = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            BoundingBox box = null;
            for (int c = 0; c < classCount; c++) {
                float score = scores[cell * classCount + c];
                if (!(score >= minScore)) continue;
                if (box == null) box = cellBox(distributions, cell, grid, stride);
                out.add(new Detection(box, c, score));
            }
        }
        return out;
    }

    private BoundingBox cellBox(float[] dist, int cell, int grid, float stride) {
        float cx = (cell % grid + 0.5f) * stride;
        float cy = (cell / grid + 0.5f) * stride;
        int base = cell * SIDES * bins;
        float left = expectation(dist, base) * stride;
        float top = expectation(dist, base + bins) * stride;
        float right = expectation(dist, base + 2 * bins) * stride;
        float bottom = expectation(dist, base + 3 * bins) * stride;
        float s = 1f / inputSize;
        return new BoundingBox(
                (cx - left) * s, (cy - top) * s, (cx + right) * s, (cy + bottom) * s);
    }

    /** {@code sum_k k * softmax(logits[from .. from + bins))_k}, in bins. */
    float expectation(float[] logits, int from) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < bins; k++) max = Math.max(max, logits[from + k]);
        double sum = 0;
        double weighted = 0;
        for (int k = 0; k < bins; k++) {
            double e = Math.exp(logits[from + k] - max);
            sum += e;
            weighted += k * e;
        }
        return (float) (weighted / sum);
    }
}
