package io.dlkit.plugins.detector;

/**
 * Tiny-YOLOv2 ({@code yolov2-tiny-voc.cfg}): six 3x3 batch-normalised leaky convolutions of 16, 32,
 * ..., 512 filters each followed by a 2x2 max pool (the last with stride 1), two of 1024, and a
 * linear 1x1 convolution to {@code B (5 + C)} channels on an {@code input/32} grid. A plain stack.
 */
public final class TinyYoloV2 extends YoloArchitecture {
    /** The architecture name in model files. */
    public static final String NAME = "yolov2_tiny";

    /**
     * @param inputSize the square input's side, a multiple of 32 (416 for the published net)
     * @param classes C
     * @param anchors B (w, h) pairs in grid cells
     * @param width a factor on the hidden layers' filters (1 for the published net)
     */
    public TinyYoloV2(int inputSize, int classes, float[] anchors, double width) {
        super(inputSize, width);
        int filters = 16;
        for (int i = 0; i < 6; i++, filters *= 2) {
            conv(filters, 3);
            maxPool(i < 5 ? 2 : 1);
        }
        conv(1024, 3);
        conv(1024, 3);
        head(classes, anchors);
    }
}
