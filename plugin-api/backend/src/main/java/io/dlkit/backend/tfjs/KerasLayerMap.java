package io.dlkit.backend.tfjs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Keras layer (channels-last) as dlkit layer configs and the weights they take from the
 * manifest. Supported: Conv2D, DepthwiseConv2D, SeparableConv2D, Dense, BatchNormalization,
 * Activation, ReLU, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, ZeroPadding2D,
 * Concatenate, Add, Multiply, Flatten, Dropout (InputLayer is the model's input); any other is one
 * error naming the layer and its class.
 */
final class KerasLayerMap {
    static final String SUPPORTED =
            "InputLayer, Conv2D, DepthwiseConv2D, SeparableConv2D, Dense, BatchNormalization,"
                    + " Activation, ReLU, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D,"
                    + " ZeroPadding2D, Concatenate, Add, Multiply, Flatten, Dropout";

    /**
     * The dlkit layers for one Keras layer, in order (the last carries the Keras name), and where
     * each dlkit variable's value comes from.
     *
     * @param layers dlkit layer configs with {@code type} and {@code name}
     * @param weights dlkit variable name to manifest tensor name, or to {@code =1} / {@code =0} for
     *     a batch norm's absent gamma / beta (filled like the moving mean)
     * @param rank the output rank without the batch dimension
     */
    record Mapped(List<Map<String, Object>> layers, Map<String, String> weights, int rank) {}

    private final String name;
    private final Map<?, ?> c;
    private final KerasTopology.Errors errors;
    private final List<Map<String, Object>> layers = new ArrayList<>();
    private final Map<String, String> weights = new LinkedHashMap<>();

    private KerasLayerMap(String name, Map<?, ?> c, KerasTopology.Errors errors) {
        this.name = name;
        this.c = c;
        this.errors = errors;
    }

    /** Maps a layer of class {@code type} reading inputs of rank {@code rank}. */
    static Mapped map(String type, String name, Map<?, ?> c, int rank, KerasTopology.Errors e) {
        return new KerasLayerMap(name, c, e).map(type, rank);
    }

    private Mapped map(String type, int rank) {
        int out = rank;
        switch (type) {
            case "Conv2D" -> conv(name, "conv2d", "kernel");
            case "DepthwiseConv2D" -> conv(name, "depthwise_conv2d", "depthwise_kernel");
            case "SeparableConv2D" -> separable();
            case "Dense" -> {
                Map<String, Object> d = layer("dense", name);
                d.put("units", c.get("units"));
                weights.put(name + "_kernel", name + "/kernel");
                biasAndActivation(d, name);
                out = 1;
            }
            case "BatchNormalization" -> batchNorm(rank);
            case "Activation" -> layer("activation", name).put("activation", activation());
            case "ReLU" -> layer("activation", name).put("activation", relu());
            case "MaxPooling2D" -> pool("max_pool");
            case "AveragePooling2D" -> pool("avg_pool");
            case "GlobalAveragePooling2D" -> {
                layer("global_avg_pool", name);
                out = 1;
            }
            case "ZeroPadding2D" -> layer("zero_padding", name).put("padding", padding());
            case "Concatenate" -> {
                int axis = c.get("axis") instanceof Number a ? a.intValue() : -1;
                if (axis != -1 && axis != rank) {
                    throw errors.layer(
                            name,
                            "concatenates on axis " + axis + "; only the last axis is supported");
                }
                layer("concat", name);
            }
            case "Add" -> layer("add", name);
            case "Multiply" -> layer("multiply", name);
            case "Flatten" -> {
                layer("flatten", name);
                out = 1;
            }
            case "Dropout" -> {
                double rate = c.get("rate") instanceof Number r ? r.doubleValue() : 0;
                layer("dropout", name).put("keep_prob", 1 - rate);
            }
            default ->
                    throw errors.layer(
                            name,
                            "is a "
                                    + type
                                    + ", which dlkit's Keras importer does not support"
                                    + " (supported: "
                                    + SUPPORTED
                                    + ")");
        }
        return new Mapped(layers, weights, out);
    }

    private Map<String, Object> layer(String type, String layerName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("name", layerName);
        layers.add(m);
        return m;
    }

    private void conv(String layerName, String type, String kernel) {
        Object dilation = c.get("dilation_rate");
        if (dilation != null && !pair(dilation).equals(List.of(1, 1))) {
            throw errors.layer(name, "is dilated, which dlkit's Keras importer does not support");
        }
        Map<String, Object> m = layer(type, layerName);
        if (type.equals("conv2d")) m.put("filters", c.get("filters"));
        m.put("kernel_size", pair(c.get("kernel_size")));
        m.put("strides", c.get("strides") == null ? List.of(1, 1) : pair(c.get("strides")));
        m.put("padding", paddingMode());
        if (c.get("depth_multiplier") != null) m.put("depth_multiplier", c.get("depth_multiplier"));
        weights.put(layerName + "_" + kernel, name + "/" + kernel);
        biasAndActivation(m, layerName);
    }

    private void separable() {
        Map<String, Object> dw = layer("depthwise_conv2d", name + "_depthwise");
        dw.put("kernel_size", pair(c.get("kernel_size")));
        dw.put("strides", c.get("strides") == null ? List.of(1, 1) : pair(c.get("strides")));
        dw.put("padding", paddingMode());
        if (c.get("depth_multiplier") != null) {
            dw.put("depth_multiplier", c.get("depth_multiplier"));
        }
        dw.put("use_bias", false);
        weights.put(name + "_depthwise_depthwise_kernel", name + "/depthwise_kernel");
        Map<String, Object> pw = layer("conv2d", name);
        pw.put("filters", c.get("filters"));
        pw.put("kernel_size", 1);
        weights.put(name + "_kernel", name + "/pointwise_kernel");
        biasAndActivation(pw, name);
    }

    private void biasAndActivation(Map<String, Object> m, String layerName) {
        m.put("activation", activation());
        boolean bias = !Boolean.FALSE.equals(c.get("use_bias"));
        m.put("use_bias", bias);
        if (bias) weights.put(layerName + "_bias", name + "/bias");
    }

    private void batchNorm(int rank) {
        Object axis = c.get("axis");
        if (axis instanceof List<?> l && l.size() == 1) axis = l.get(0);
        if (axis instanceof Number a && a.intValue() != -1 && a.intValue() != rank) {
            throw errors.layer(
                    name, "normalises axis " + a + "; only the last (channel) axis is supported");
        }
        Map<String, Object> m = layer("batch_norm", name);
        m.put("momentum", c.get("momentum") instanceof Number n ? n.doubleValue() : 0.99);
        m.put("epsilon", c.get("epsilon") instanceof Number n ? n.doubleValue() : 1e-3);
        weights.put(name + "_gamma", Boolean.FALSE.equals(c.get("scale")) ? "=1" : name + "/gamma");
        weights.put(name + "_beta", Boolean.FALSE.equals(c.get("center")) ? "=0" : name + "/beta");
        weights.put(name + "_moving_mean", name + "/moving_mean");
        weights.put(name + "_moving_variance", name + "/moving_variance");
    }

    private void pool(String type) {
        Map<String, Object> m = layer(type, name);
        Object size = c.get("pool_size") == null ? List.of(2, 2) : pair(c.get("pool_size"));
        m.put("pool_size", size);
        m.put("strides", c.get("strides") == null ? size : pair(c.get("strides")));
        m.put("padding", paddingMode());
    }

    private String paddingMode() {
        String p = String.valueOf(c.get("padding") == null ? "valid" : c.get("padding"));
        p = p.toLowerCase(Locale.ROOT);
        if (!p.equals("valid") && !p.equals("same")) {
            throw errors.layer(name, "has padding '" + p + "'; only valid and same are supported");
        }
        return p;
    }

    /** ZeroPadding2D's {@code padding} (n, [h, w] or [[t, b], [l, r]]) as [t, b, l, r]. */
    private List<Integer> padding() {
        Object p = c.get("padding");
        if (p instanceof Number n)
            return List.of(n.intValue(), n.intValue(), n.intValue(), n.intValue());
        List<?> l = (List<?>) p;
        if (l.get(0) instanceof Number h) {
            int w = ((Number) l.get(1)).intValue();
            return List.of(h.intValue(), h.intValue(), w, w);
        }
        List<?> hh = (List<?>) l.get(0);
        List<?> ww = (List<?>) l.get(1);
        return List.of(num(hh.get(0)), num(hh.get(1)), num(ww.get(0)), num(ww.get(1)));
    }

    private Object activation() {
        String a = String.valueOf(c.get("activation") == null ? "linear" : c.get("activation"));
        return switch (a.toLowerCase(Locale.ROOT)) {
            case "linear", "relu", "relu6", "sigmoid", "tanh", "softmax" ->
                    a.toLowerCase(Locale.ROOT);
            default ->
                    throw errors.layer(
                            name,
                            "uses activation '"
                                    + a
                                    + "', which dlkit's Keras importer does not support"
                                    + " (supported: linear, relu, relu6, sigmoid, tanh, softmax)");
        };
    }

    private Object relu() {
        double max = c.get("max_value") instanceof Number m ? m.doubleValue() : -1;
        double slope = c.get("negative_slope") instanceof Number s ? s.doubleValue() : 0;
        double threshold = c.get("threshold") instanceof Number t ? t.doubleValue() : 0;
        if (threshold == 0 && slope == 0 && (max < 0 || max == 6)) {
            return max == 6 ? "relu6" : "relu";
        }
        if (threshold == 0 && max < 0 && slope > 0 && slope < 1) {
            return Map.of("name", "leaky_relu", "slope", slope);
        }
        throw errors.layer(
                name,
                "is a ReLU with max_value "
                        + max
                        + ", negative_slope "
                        + slope
                        + " and threshold "
                        + threshold
                        + "; dlkit supports relu, relu6 (max_value 6) and leaky relu");
    }

    private static List<Integer> pair(Object v) {
        if (v instanceof Number n) return List.of(n.intValue(), n.intValue());
        List<?> l = (List<?>) v;
        return List.of(num(l.get(0)), num(l.get(1)));
    }

    private static int num(Object o) {
        return ((Number) o).intValue();
    }
}
