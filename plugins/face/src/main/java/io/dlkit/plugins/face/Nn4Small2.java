package io.dlkit.plugins.face;

import io.dlkit.backend.nn.FunctionalModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenFace's NN4-small2, the Inception-based FaceNet encoder the notes use: a {@code 96 x 96} RGB
 * face (values 0-1) in, 128 numbers out (L2-normalised by {@link FaceNetModel}). Written as a
 * {@link FunctionalModel} of the backend's layers (every convolution is conv without bias, batch
 * norm, ReLU):
 *
 * <pre>
 * conv 7x7/2 64 -> maxpool 3/2 -> conv 1x1 64 -> conv 3x3 192 -> maxpool 3/2          [12, 12, 192]
 * 3a  1x1 64 | 1x1 96 > 3x3 128   | 1x1 16 > 5x5 32   | maxpool 3/1 > 1x1 32          [12, 12, 256]
 * 3b  1x1 64 | 1x1 96 > 3x3 128   | 1x1 32 > 5x5 64   | avgpool 3/1 > 1x1 64          [12, 12, 320]
 * 3c         | 1x1 128 > 3x3/2 256 | 1x1 32 > 5x5/2 64 | maxpool 3/2                  [6, 6, 640]
 * 4a  1x1 256 | 1x1 96 > 3x3 192  | 1x1 32 > 5x5 64   | avgpool 3/1 > 1x1 128         [6, 6, 640]
 * 4e         | 1x1 160 > 3x3/2 256 | 1x1 64 > 5x5/2 128 | maxpool 3/2                 [3, 3, 1024]
 * 5a  1x1 256 | 1x1 96 > 3x3 384  |                   | avgpool 3/1 > 1x1 96          [3, 3, 736]
 * 5b  1x1 256 | 1x1 96 > 3x3 384  |                   | maxpool 3/1 > 1x1 96          [3, 3, 736]
 * avgpool 3 -> flatten -> dense 128 (linear)                                          [128]
 * </pre>
 *
 * <p>As in the Keras ports (keras-openface, the deep learning course's {@code faceRecoModel}) the
 * L2 pooling branches are average pooling; unlike them, the two local response normalisations of
 * the stem are left out (batch norm follows every convolution). {@code width} scales every filter
 * count (1 is the real network, 3.7 M weights; tests use a narrower one).
 */
public final class Nn4Small2 {
    /** The input side. */
    public static final int SIDE = 96;

    /** The embedding size. */
    public static final int EMBEDDING = 128;

    private final double width;
    private final double momentum;
    private final List<Map<String, Object>> layers = new ArrayList<>();

    private Nn4Small2(double width, double momentum) {
        this.width = width;
        this.momentum = momentum;
    }

    /**
     * The network with every filter count times {@code width} (at least one filter).
     *
     * @param momentum the batch norms' moving-average momentum, in [0, 1)
     */
    public static FunctionalModel model(double width, double momentum) {
        if (!(width > 0 && width <= 4)) {
            throw new IllegalArgumentException("width must be in (0, 4], got " + width);
        }
        return new Nn4Small2(width, momentum).build();
    }

    private FunctionalModel build() {
        String x = conv("conv1", "image", 64, 7, 2);
        x = pool("pool1", x, "max_pool", 3, 2);
        x = conv("conv2", x, 64, 1, 1);
        x = conv("conv3", x, 192, 3, 1);
        x = pool("pool3", x, "max_pool", 3, 2);
        x = inception("3a", x, 64, 96, 128, 16, 32, "max_pool", 32, 1);
        x = inception("3b", x, 64, 96, 128, 32, 64, "avg_pool", 64, 1);
        x = inception("3c", x, 0, 128, 256, 32, 64, "max_pool", 0, 2);
        x = inception("4a", x, 256, 96, 192, 32, 64, "avg_pool", 128, 1);
        x = inception("4e", x, 0, 160, 256, 64, 128, "max_pool", 0, 2);
        x = inception("5a", x, 256, 96, 384, 0, 0, "avg_pool", 96, 1);
        x = inception("5b", x, 256, 96, 384, 0, 0, "max_pool", 96, 1);
        x = layer("avg_pool", "pool_final", x, Map.of("pool_size", 3, "strides", 1));
        x = layer("flatten", "flatten", x, Map.of());
        layer("dense", "embedding", x, Map.of("units", EMBEDDING, "activation", "linear"));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inputs", Map.of("image", List.of(SIDE, SIDE, 3)));
        config.put("layers", layers);
        config.put("outputs", List.of("embedding"));
        return FunctionalModel.fromConfig(config);
    }

    /**
     * An inception block; a branch with 0 filters is left out, and a pool projection of 0 passes
     * the pooled input through (the stride-2 blocks).
     */
    private String inception(
            String id,
            String in,
            int f1,
            int r3,
            int f3,
            int r5,
            int f5,
            String poolType,
            int fp,
            int stride) {
        List<String> branches = new ArrayList<>();
        String p = "inception_" + id + "_";
        if (f1 > 0) branches.add(conv(p + "1x1", in, f1, 1, 1));
        branches.add(conv(p + "3x3", conv(p + "3x3_reduce", in, r3, 1, 1), f3, 3, stride));
        if (f5 > 0) {
            branches.add(conv(p + "5x5", conv(p + "5x5_reduce", in, r5, 1, 1), f5, 5, stride));
        }
        String pooled = pool(p + "pool", in, poolType, 3, stride);
        branches.add(fp > 0 ? conv(p + "pool_proj", pooled, fp, 1, 1) : pooled);
        Map<String, Object> concat = new LinkedHashMap<>();
        concat.put("name", p + "concat");
        concat.put("type", "concat");
        concat.put("inputs", branches);
        layers.add(concat);
        return p + "concat";
    }

    /** Conv (same padding, no bias), batch norm and ReLU; returns the ReLU's name. */
    private String conv(String name, String in, int filters, int kernel, int stride) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("filters", Math.max(1, (int) Math.round(filters * width)));
        c.put("kernel_size", kernel);
        c.put("strides", stride);
        c.put("padding", "same");
        c.put("use_bias", false);
        String conv = layer("conv2d", name, in, c);
        String bn = layer("batch_norm", name + "_bn", conv, Map.of("momentum", momentum));
        return layer("activation", name + "_relu", bn, Map.of("activation", "relu"));
    }

    private String pool(String name, String in, String type, int size, int stride) {
        return layer(
                type, name, in, Map.of("pool_size", size, "strides", stride, "padding", "same"));
    }

    private String layer(String type, String name, String in, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("type", type);
        m.putAll(params);
        m.put("inputs", List.of(in));
        layers.add(m);
        return name;
    }
}
