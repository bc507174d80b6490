package io.dlkit.plugins.cnnzoo;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer maps in the model-file format ({@code {type: conv2d, name: block1_conv1, ...}}), so an
 * architecture is data that {@code dlkit zoo export} prints and {@code Sequential.fromConfig}
 * builds. Only the keys an architecture sets are written; the rest keep the layer's defaults.
 */
final class LayerMaps {
    private LayerMaps() {}

    /** A {@code conv2d} layer: {@code filters} {@code k x k} kernels, with a bias. */
    static Map<String, Object> conv(
            String name, int filters, int k, int strides, Object padding, String activation) {
        return layer("conv2d", name)
                .with("filters", filters)
                .with("kernel_size", k)
                .with("strides", strides)
                .with("padding", padding)
                .with("activation", activation);
    }

    /** A {@code max_pool} layer. */
    static Map<String, Object> maxPool(String name, int size, int strides, String padding) {
        return layer("max_pool", name)
                .with("pool_size", size)
                .with("strides", strides)
                .with("padding", padding);
    }

    /** A {@code zero_padding} layer, {@code p} zeros on every side. */
    static Map<String, Object> zeroPadding(String name, int p) {
        return layer("zero_padding", name).with("padding", p);
    }

    /** A {@code batch_norm} layer over the last axis. */
    static Map<String, Object> batchNorm(String name, double epsilon) {
        return layer("batch_norm", name).with("epsilon", epsilon);
    }

    /** An {@code activation} layer. */
    static Map<String, Object> activation(String name, String activation) {
        return layer("activation", name).with("activation", activation);
    }

    /** A {@code dense} layer with a bias. */
    static Map<String, Object> dense(String name, int units, String activation) {
        return layer("dense", name).with("units", units).with("activation", activation);
    }

    /** A {@code dropout} layer. */
    static Map<String, Object> dropout(String name, double keepProb) {
        return layer("dropout", name).with("keep_prob", keepProb);
    }

    /** A {@code flatten} layer. */
    static Map<String, Object> flatten(String name) {
        return layer("flatten", name);
    }

    /** A {@code global_avg_pool} layer. */
    static Map<String, Object> globalAvgPool(String name) {
        return layer("global_avg_pool", name);
    }

    /** A bottleneck {@code residual_block}: identity, or convolutional with stride {@code s}. */
    static Map<String, Object> residual(String name, boolean convolutional, int s, int... filters) {
        LayerMap m =
                layer("residual_block", name)
                        .with("block", convolutional ? "convolutional" : "identity")
                        .with("filters", Arrays.stream(filters).boxed().toList())
                        .with("use_bias", true)
                        .with("bn_epsilon", 1.001e-5);
        return convolutional ? m.with("strides", s) : m;
    }

    /** An {@code inception_block} with {@code [F1, R3, F3, R5, F5, FP]} filters. */
    static Map<String, Object> inception(String name, int... f) {
        return layer("inception_block", name)
                .with("filters_1x1", f[0])
                .with("filters_3x3_reduce", f[1])
                .with("filters_3x3", f[2])
                .with("filters_5x5_reduce", f[3])
                .with("filters_5x5", f[4])
                .with("filters_pool_proj", f[5]);
    }

    /** The model file's content: {@code {input_shape: [...], layers: [...]}}. */
    static Map<String, Object> model(long[] inputShape, List<Map<String, Object>> layers) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", Arrays.stream(inputShape).mapToObj(d -> (int) d).toList());
        m.put("layers", List.copyOf(layers));
        return m;
    }

    private static LayerMap layer(String type, String name) {
        return new LayerMap().with("type", type).with("name", name);
    }

    /** An insertion-ordered map filled by chained {@link #with} calls. */
    private static final class LayerMap extends LinkedHashMap<String, Object> {
        LayerMap with(String key, Object value) {
            put(key, value);
            return this;
        }
    }
}
