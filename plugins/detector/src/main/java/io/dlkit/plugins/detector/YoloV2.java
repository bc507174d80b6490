package io.dlkit.plugins.detector;

/**
 * YOLOv2 ({@code yolov2-voc.cfg}): the Darknet-19 backbone (3x3 and 1x1 batch-normalised leaky
 * convolutions, five 2x2 max pools), three 3x3 convolutions of 1024, and the passthrough: the
 * 26x26x512 features of layer 16 through a 1x1 convolution of 64, Darknet's reorg to 13x13x256,
 * concatenated with the 13x13x1024 features (route + reorg + concat), a 3x3 convolution of 1024 and
 * the linear 1x1 detection convolution. A functional graph.
 */
public final class YoloV2 extends YoloArchitecture {
    /** The architecture name in model files. */
    public static final String NAME = "yolov2";

    /**
     * @param inputSize the square input's side, a multiple of 32 (416 for the published net)
     * @param classes C
     * @param anchors B (w, h) pairs in grid cells
     * @param width a factor on the hidden layers' filters (1 for the published net)
     */
    public YoloV2(int inputSize, int classes, float[] anchors, double width) {
        super(inputSize, width);
        conv(32, 3);
        maxPool(2);
        conv(64, 3);
        maxPool(2);
        block(128, 64);
        maxPool(2);
        block(256, 128);
        maxPool(2);
        block(512, 256);
        conv(256, 1);
        conv(512, 3);
        maxPool(2);
        block(1024, 512);
        conv(512, 1);
        conv(1024, 3);
        conv(1024, 3);
        conv(1024, 3);
        route("-9");
        conv(64, 1);
        reorg(2);
        route("-1,-4");
        conv(1024, 3);
        head(classes, anchors);
    }

    private void block(int wide, int narrow) {
        conv(wide, 3);
        conv(narrow, 1);
        conv(wide, 3);
    }
}
