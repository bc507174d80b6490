package io.dlkit.plugins.detector;

import io.dlkit.plugins.detector.darknet.DarknetCfg;
import io.dlkit.plugins.detector.darknet.DarknetNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The YOLOv2 family as Darknet cfg text: {@link TinyYoloV2} and {@link YoloV2} write the sections
 * of pjreddie's {@code yolov2-tiny-voc.cfg} and {@code yolov2-voc.cfg} for any input size (a
 * multiple of 32), class count, anchors and width (a factor on every hidden layer's filters, 1 for
 * the published networks). The cfg is the one description: {@link
 * io.dlkit.plugins.detector.darknet.DarknetModelConfig} turns it into a dlkit model file and the
 * Darknet export writes it back.
 */
public abstract class YoloArchitecture {
    /** Tiny-YOLOv2 VOC's anchors (w, h in 13x13 grid cells). */
    public static final float[] TINY_VOC_ANCHORS = {
        1.08f, 1.19f, 3.42f, 4.41f, 6.63f, 11.38f, 9.42f, 5.11f, 16.62f, 10.52f
    };

    /** YOLOv2 VOC's anchors (w, h in 13x13 grid cells). */
    public static final float[] VOC_ANCHORS = {
        1.3221f, 1.73145f, 3.19275f, 4.00944f, 5.05587f, 8.09892f, 9.47112f, 4.84053f, 11.2364f,
        10.0071f
    };

    private final StringBuilder cfg = new StringBuilder();
    private final double width;

    /** Starts the cfg with {@code [net]} for a square RGB input. */
    protected YoloArchitecture(int inputSize, double width) {
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException(
                    "input size must be a multiple of 32 (the grid is input / 32), got "
                            + inputSize);
        }
        if (!(width > 0) || width > 4) {
            throw new IllegalArgumentException("width must be in (0, 4], got " + width);
        }
        this.width = width;
        cfg.append("[net]\nbatch=1\nsubdivisions=1\nwidth=")
                .append(inputSize)
                .append("\nheight=")
                .append(inputSize)
                .append("\nchannels=3\n");
    }

    /** A batch-normalised leaky convolution of {@code filters x width} (at least 1) filters. */
    protected final void conv(int filters, int size) {
        int n = Math.max(1, (int) Math.round(filters * width));
        section("convolutional", "batch_normalize=1", "filters=" + n, "size=" + size, "stride=1");
        cfg.append("pad=1\nactivation=leaky\n");
    }

    /** A max pool of size 2. */
    protected final void maxPool(int stride) {
        section("maxpool", "size=2", "stride=" + stride);
    }

    /** A route to the layers at these relative positions. */
    protected final void route(String layers) {
        section("route", "layers=" + layers);
    }

    /** Darknet's reorg (space to depth). */
    protected final void reorg(int stride) {
        section("reorg", "stride=" + stride);
    }

    /** The linear 1x1 detection convolution and the {@code [region]}. */
    protected final void head(int classes, float[] anchors) {
        if (classes < 1) throw new IllegalArgumentException("classes must be >= 1, got " + classes);
        if (anchors.length < 2 || anchors.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "anchors must be w, h pairs, got " + anchors.length + " values");
        }
        int b = anchors.length / 2;
        section(
                "convolutional",
                "size=1",
                "stride=1",
                "pad=1",
                "filters=" + b * (5 + classes),
                "activation=linear");
        List<String> a = new ArrayList<>();
        for (float v : anchors) a.add(String.format(Locale.ROOT, "%s", v));
        section(
                "region",
                "anchors=" + String.join(",", a),
                "bias_match=1",
                "classes=" + classes,
                "coords=4",
                "num=" + b,
                "softmax=1");
    }

    private void section(String type, String... lines) {
        cfg.append("\n[").append(type).append("]\n");
        for (String l : lines) cfg.append(l).append('\n');
    }

    /** The cfg text. */
    public final String cfg() {
        return cfg.toString();
    }

    /** The parsed network. */
    public final DarknetNetwork network(String source) {
        return DarknetNetwork.of(DarknetCfg.parse(cfg(), source));
    }
}
