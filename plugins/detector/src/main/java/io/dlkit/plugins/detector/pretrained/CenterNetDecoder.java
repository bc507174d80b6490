package io.dlkit.plugins.detector.pretrained;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes CenterNet's {@code tower_0/detections} output: {@code [1, K, 6]} rows of {@code x1, y1,
 * x2, y2, score, class} with corners in input pixels and the class a COCO-80 index. The network
 * already picked its top K peaks; this keeps rows scoring at least the threshold, with a known
 * class and a non-empty box, as boxes in fractions of the input.
 */
public final class CenterNetDecoder {
    private static final int ROW = 6;
    private final int inputSize;
    private final int classCount;

    /**
     * @param inputSize the square input's side in pixels (512)
     * @param classCount the number of classes (80)
     */
    public CenterNetDecoder(int inputSize, int classCount) {
        if (inputSize < 1 || classCount < 1) {
            throw new IllegalArgumentException("inputSize and classCount must be >= 1");
        }
        this.inputSize = inputSize;
        this.classCount = classCount;
    }

    /** The candidate detections of {@code output} (K x 6 values) scoring {@code >= minScore}. */
    public List<Detection> decode(float[] output, float minScore) {
        if (output.length % ROW != 0) {
            throw new IllegalArgumentException(
                    "CenterNet output must hold rows of 6 values, got " + output.length);
        }
        List<Detection> out = new ArrayList<>();
        float s = 1f / inputSize;
        for (int i = 0; i < output.length; i += ROW) {
            float score = output[i + 4];
            float cls = output[i + 5];
            if (!(score >= minScore) || !(cls >= 0 && cls < classCount)) continue;
            BoundingBox box =
                    new BoundingBox(
                            output[i] * s, output[i + 1] * s, output[i + 2] * s, output[i + 3] * s);
            if (box.area() <= 0) continue;
            out.add(new Detection(box, (int) cls, score));
        }
        return out;
    }
}
