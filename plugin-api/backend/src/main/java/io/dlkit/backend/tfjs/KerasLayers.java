package io.dlkit.backend.tfjs;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;

/**
 * One Keras layer as TensorFlow ops (NHWC). Supported: InputLayer, Conv2D, DepthwiseConv2D,
 * SeparableConv2D, Dense, BatchNormalization, Activation, ReLU, MaxPooling2D, AveragePooling2D,
 * GlobalAveragePooling2D, GlobalMaxPooling2D, ZeroPadding2D, Concatenate, Add, Multiply, Flatten,
 * Reshape, Dropout; any other is one error naming the layer and its type.
 */
final class KerasLayers {
    static final String SUPPORTED =
            "InputLayer, Conv2D, DepthwiseConv2D, SeparableConv2D, Dense,"
                    + " BatchNormalization, Activation, ReLU, MaxPooling2D, AveragePooling2D,"
                    + " GlobalAveragePooling2D, GlobalMaxPooling2D, ZeroPadding2D, Concatenate, Add,"
                    + " Multiply, Flatten, Reshape, Dropout";

    private final NodeWriter w;
    private final KerasGraph g;

    KerasLayers(NodeWriter w, KerasGraph g) {
        this.w = w;
        this.g = g;
    }

    void add(String type, String name, Map<?, ?> c, List<String> in) {
        switch (type) {
            case "InputLayer" -> g.placeholder(name, c);
            case "Conv2D" -> conv(name, c, in.get(0), "Conv2D", "kernel");
            case "DepthwiseConv2D" ->
                    conv(name, c, in.get(0), "DepthwiseConv2dNative", "depthwise_kernel");
            case "SeparableConv2D" -> separable(name, c, in.get(0));
            case "Dense" -> dense(name, c, in.get(0));
            case "BatchNormalization" -> batchNorm(name, c, in.get(0));
            case "Activation" ->
                    activation(name, String.valueOf(c.get("activation")), in.get(0), name);
            case "ReLU" -> relu(name, c, in.get(0));
            case "MaxPooling2D" -> pool(name, c, in.get(0), "MaxPool");
            case "AveragePooling2D" -> pool(name, c, in.get(0), "AvgPool");
            case "GlobalAveragePooling2D" -> reduce(name, in.get(0), "Mean");
            case "GlobalMaxPooling2D" -> reduce(name, in.get(0), "Max");
            case "ZeroPadding2D" -> pad(name, c, in.get(0));
            case "Concatenate" -> concat(name, c, in);
            case "Add" -> add(name, in);
            case "Multiply" -> chain(name, in, "Mul");
            case "Flatten" -> flatten(name, in.get(0));
            case "Reshape" -> reshape(name, c, in.get(0));
            case "Dropout", "SpatialDropout2D", "GaussianNoise" ->
                    w.add(w.op(name, "Identity", in.get(0)));
            default ->
                    throw g.error(
                            name,
                            "is a "
                                    + type
                                    + ", which dlkit's TF.js layers importer"
                                    + " does not support (supported: "
                                    + SUPPORTED
                                    + ")");
        }
    }

    private void conv(String name, Map<?, ?> c, String x, String op, String kernel) {
        String k = g.weight(name, kernel);
        NodeDef.Builder n =
                w.op(name + "/conv", op, x, k)
                        .putAttr("strides", NodeWriter.ints(nhwc(c.get("strides"))))
                        .putAttr("dilations", NodeWriter.ints(nhwc(c.get("dilation_rate"))))
                        .putAttr("padding", NodeWriter.text(padding(c)))
                        .putAttr("data_format", NodeWriter.text("NHWC"));
        finish(name, c, w.add(n));
    }

    private void separable(String name, Map<?, ?> c, String x) {
        String depthwise =
                w.add(
                        w.op(
                                        name + "/depthwise",
                                        "DepthwiseConv2dNative",
                                        x,
                                        g.weight(name, "depthwise_kernel"))
                                .putAttr("strides", NodeWriter.ints(nhwc(c.get("strides"))))
                                .putAttr("dilations", NodeWriter.ints(nhwc(c.get("dilation_rate"))))
                                .putAttr("padding", NodeWriter.text(padding(c))));
        String pointwise =
                w.add(
                        w.op(
                                        name + "/pointwise",
                                        "Conv2D",
                                        depthwise,
                                        g.weight(name, "pointwise_kernel"))
                                .putAttr("strides", NodeWriter.ints(List.of(1L, 1L, 1L, 1L)))
                                .putAttr("padding", NodeWriter.text("VALID")));
        finish(name, c, pointwise);
    }

    private void dense(String name, Map<?, ?> c, String x) {
        finish(name, c, w.add(w.op(name + "/matmul", "MatMul", x, g.weight(name, "kernel"))));
    }

    /** Bias (when {@code use_bias}) then the activation; the last op gets the layer's name. */
    private void finish(String name, Map<?, ?> c, String y) {
        String act = String.valueOf(c.get("activation") == null ? "linear" : c.get("activation"));
        boolean bias = !Boolean.FALSE.equals(c.get("use_bias"));
        if (bias) {
            String b = g.weight(name, "bias");
            y = w.add(w.op(act.equals("linear") ? name : name + "/bias_add", "BiasAdd", y, b));
        }
        if (!act.equals("linear") || !bias) activation(name, act, y, name);
    }

    private void activation(String name, String act, String x, String out) {
        String op =
                switch (act.toLowerCase(Locale.ROOT)) {
                    case "linear" -> "Identity";
                    case "relu" -> "Relu";
                    case "relu6" -> "Relu6";
                    case "sigmoid" -> "Sigmoid";
                    case "tanh" -> "Tanh";
                    case "softmax" -> "Softmax";
                    case "elu" -> "Elu";
                    case "selu" -> "Selu";
                    case "softplus" -> "Softplus";
                    case "softsign" -> "Softsign";
                    default ->
                            throw g.error(
                                    name,
                                    "uses activation '"
                                            + act
                                            + "', which dlkit's TF.js"
                                            + " layers importer does not support");
                };
        w.add(w.op(out, op, x));
    }

    private void batchNorm(String name, Map<?, ?> c, String x) {
        Object axis = c.get("axis");
        if (axis instanceof Number a && a.intValue() != -1 && a.intValue() != 3) {
            throw g.error(
                    name,
                    "normalises axis " + a + "; only the channel axis (-1 or 3) is" + " supported");
        }
        String mean = g.weight(name, "moving_mean");
        String variance = g.weight(name, "moving_variance");
        String gamma =
                g.hasWeight(name, "gamma")
                        ? g.weight(name, "gamma")
                        : g.filled(name + "/gamma_ones", 1f, name + "/moving_mean");
        String beta =
                g.hasWeight(name, "beta")
                        ? g.weight(name, "beta")
                        : g.filled(name + "/beta_zeros", 0f, name + "/moving_mean");
        float eps = c.get("epsilon") instanceof Number e ? e.floatValue() : 1e-3f;
        w.add(
                w.op(name, "FusedBatchNormV3", x, gamma, beta, mean, variance)
                        .putAttr("U", NodeWriter.type(DataType.DT_FLOAT))
                        .putAttr("epsilon", NodeWriter.number(eps))
                        .putAttr("is_training", NodeWriter.bool(false))
                        .putAttr("data_format", NodeWriter.text("NHWC")));
    }

    private void relu(String name, Map<?, ?> c, String x) {
        double max = c.get("max_value") instanceof Number m ? m.doubleValue() : -1;
        double slope = c.get("negative_slope") instanceof Number s ? s.doubleValue() : 0;
        double threshold = c.get("threshold") instanceof Number t ? t.doubleValue() : 0;
        if (slope != 0 || threshold != 0) {
            throw g.error(
                    name,
                    "is a ReLU with negative_slope or threshold, which dlkit's TF.js"
                            + " layers importer does not support");
        }
        if (max == 6) {
            w.add(w.op(name, "Relu6", x));
        } else if (max < 0) {
            w.add(w.op(name, "Relu", x));
        } else {
            String r = w.add(w.op(name + "/relu", "Relu", x));
            String cap =
                    w.constant(
                            name + "/max",
                            io.dlkit.backend.io.NdArray.of(new float[] {(float) max}),
                            DataType.DT_FLOAT);
            w.add(w.op(name, "Minimum", r, cap));
        }
    }

    private void pool(String name, Map<?, ?> c, String x, String op) {
        Object strides = c.get("strides") != null ? c.get("strides") : c.get("pool_size");
        w.add(
                w.op(name, op, x)
                        .putAttr("ksize", NodeWriter.ints(nhwc(c.get("pool_size"))))
                        .putAttr("strides", NodeWriter.ints(nhwc(strides)))
                        .putAttr("padding", NodeWriter.text(padding(c)))
                        .putAttr("data_format", NodeWriter.text("NHWC")));
    }

    private void reduce(String name, String x, String op) {
        String axes = w.ints(name + "/axes", new int[] {1, 2}, 2);
        w.add(
                w.op(name, op, x, axes)
                        .putAttr("keep_dims", NodeWriter.bool(false))
                        .putAttr("Tidx", NodeWriter.type(DataType.DT_INT32)));
    }

    private void pad(String name, Map<?, ?> c, String x) {
        int[] p = KerasShapes.padding(c.get("padding"));
        String paddings =
                w.ints(name + "/paddings", new int[] {0, 0, p[0], p[1], p[2], p[3], 0, 0}, 4, 2);
        w.add(
                w.op(name, "Pad", x, paddings)
                        .putAttr("Tpaddings", NodeWriter.type(DataType.DT_INT32)));
    }

    private void concat(String name, Map<?, ?> c, List<String> in) {
        int axis = c.get("axis") instanceof Number a ? a.intValue() : -1;
        String ax = w.ints(name + "/axis", new int[] {axis});
        NodeDef.Builder n =
                w.op(name, "ConcatV2")
                        .addAllInput(in)
                        .addInput(ax)
                        .putAttr(
                                "N",
                                org.tensorflow.proto.AttrValue.newBuilder().setI(in.size()).build())
                        .putAttr("Tidx", NodeWriter.type(DataType.DT_INT32));
        w.add(n);
    }

    private void add(String name, List<String> in) {
        w.add(
                w.op(name, "AddN")
                        .addAllInput(in)
                        .putAttr(
                                "N",
                                org.tensorflow.proto.AttrValue.newBuilder()
                                        .setI(in.size())
                                        .build()));
    }

    private void chain(String name, List<String> in, String op) {
        String acc = in.get(0);
        for (int i = 1; i < in.size(); i++) {
            acc = w.add(w.op(i == in.size() - 1 ? name : name + "/" + i, op, acc, in.get(i)));
        }
    }

    /** [batch, -1] from the runtime batch size, so no static shape is needed. */
    private void flatten(String name, String x) {
        KerasShapes.reshapeToBatch(w, name, x, new int[] {-1});
    }

    private void reshape(String name, Map<?, ?> c, String x) {
        int[] target =
                ((List<?>) c.get("target_shape"))
                        .stream().mapToInt(d -> ((Number) d).intValue()).toArray();
        KerasShapes.reshapeToBatch(w, name, x, target);
    }

    private static List<Long> nhwc(Object pair) {
        if (pair == null) return List.of(1L, 1L, 1L, 1L);
        List<?> p = pair instanceof List<?> l ? l : List.of(pair, pair);
        return List.of(1L, ((Number) p.get(0)).longValue(), ((Number) p.get(1)).longValue(), 1L);
    }

    private static String padding(Map<?, ?> c) {
        return String.valueOf(c.get("padding")).toUpperCase(Locale.ROOT);
    }
}
