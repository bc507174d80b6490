package io.dlkit.plugins.face.train;

import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.detect.FaceBox;
import java.util.List;

/**
 * face-api's pretrained pipeline as an encoder: the best-scoring face's 68 landmarks, its aligned
 * crop and the 128-d descriptor of the ResNet recogniser.
 */
public final class FaceApiEncoder implements FaceEncoder {
    private final FaceAnalyzer analyzer;
    private final double minConfidence;

    /** An encoder over {@code analyzer}, which it closes. */
    public FaceApiEncoder(FaceAnalyzer analyzer, double minConfidence) {
        this.analyzer = analyzer;
        this.minConfidence = minConfidence;
    }

    @Override
    public String describe() {
        return "face-api face_recognition (ResNet-34, 128-d)";
    }

    @Override
    public float[] embed(FaceImage image) {
        List<FaceBox> boxes = analyzer.detect(image, minConfidence);
        if (boxes.isEmpty()) return null;
        return analyzer.descriptor(image, analyzer.landmarks(image, boxes.get(0)));
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
