package io.dlkit.plugins.detector.darknet;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.layers.ReorgLayer;
import io.dlkit.plugins.detector.layers.YoloGridLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Darknet network as a dlkit model configuration on the backend's layers: {@code [convolutional]}
 * becomes {@code conv2d} {@code conv<i>} (batch norm with {@link #BN_EPSILON}, leaky ReLU slope 0.1
 * or linear), {@code [maxpool]} {@code max_pool} {@code pool<i>} ({@code same}, which is Darknet's
 * default padding {@code size - 1}), {@code [reorg]} {@code darknet_reorg}, {@code [region]} {@code
 * yolo_grid} {@code region<i>}. Without {@code [route]} the model is a plain stack ({@code
 * input_shape}, {@code layers}); with routes it is a functional graph with the input {@code image}:
 * a one-layer route is just a later layer reading that layer, a route of several is a {@code
 * concat} {@code route<i>}. {@code <i>} is the Darknet layer index, as in {@link
 * DarknetNetwork#weightShapes()}.
 */
public final class DarknetModelConfig {
    /**
     * The batch-norm epsilon of Darknet-derived models. Darknet divides by {@code sqrt(var) +
     * 1e-6}; the backend by {@code sqrt(var' + eps)}, so an import stores {@code var' = (sqrt(var)
     * + 1e-6)^2 - eps} and an export inverts it exactly.
     */
    public static final double BN_EPSILON = 1e-6;

    /** The input's name in functional models. */
    public static final String INPUT = "image";

    private DarknetModelConfig() {}

    /** The model configuration of {@code net}, which must end with a {@code [region]}. */
    public static Map<String, Object> of(DarknetNetwork net) {
        requireNonNull(net, "net is null");
        boolean functional =
                net.layers().stream()
                        .anyMatch(
                                l ->
                                        l instanceof DarknetLayer.Route
                                                || l instanceof DarknetLayer.Reorg);
        List<Map<String, Object>> layers = new ArrayList<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        String previous = INPUT;
        for (DarknetLayer l : net.layers()) {
            if (l instanceof DarknetLayer.Route r && r.sources().size() == 1) {
                previous = names.get(r.sources().get(0));
                names.put(l.index(), previous);
                continue;
            }
            Map<String, Object> c = layer(l);
            if (functional) {
                c.put(
                        "inputs",
                        l instanceof DarknetLayer.Route r
                                ? r.sources().stream().map(names::get).toList()
                                : List.of(previous));
            }
            layers.add(c);
            previous = (String) c.get("name");
            names.put(l.index(), previous);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        FeatureShape in = net.input();
        List<Integer> shape = List.of(in.height(), in.width(), in.channels());
        if (functional) {
            m.put("inputs", Map.of(INPUT, shape));
            m.put("layers", layers);
            m.put("outputs", List.of(previous));
        } else {
            m.put("input_shape", shape);
            m.put("layers", layers);
        }
        return m;
    }

    private static Map<String, Object> layer(DarknetLayer l) {
        Map<String, Object> c = new LinkedHashMap<>();
        if (l instanceof DarknetLayer.Convolutional conv) {
            c.put("type", "conv2d");
            c.put("name", "conv" + l.index());
            c.put("filters", conv.filters());
            c.put("kernel_size", conv.size());
            c.put("strides", conv.stride());
            c.put("padding", padding(conv));
            c.put(
                    "activation",
                    conv.activation().equals("leaky")
                            ? Map.of(
                                    "name",
                                    "leaky_relu",
                                    "slope",
                                    (double) DarknetTensors.LEAKY_SLOPE)
                            : "linear");
            c.put("batch_norm", conv.batchNormalize());
            if (conv.batchNormalize()) c.put("bn_epsilon", BN_EPSILON);
            c.put("use_bias", !conv.batchNormalize());
        } else if (l instanceof DarknetLayer.MaxPool p) {
            c.put("type", "max_pool");
            c.put("name", "pool" + l.index());
            c.put("pool_size", p.size());
            c.put("strides", p.stride());
            c.put("padding", p.padding() == 0 ? "valid" : "same");
        } else if (l instanceof DarknetLayer.Reorg r) {
            c.put("type", ReorgLayer.TYPE);
            c.put("name", "reorg" + l.index());
            c.put("stride", r.stride());
        } else if (l instanceof DarknetLayer.Route) {
            c.put("type", "concat");
            c.put("name", "route" + l.index());
        } else {
            DarknetLayer.Region r = (DarknetLayer.Region) l;
            c.put("type", YoloGridLayer.TYPE);
            c.put("name", "region" + l.index());
            c.put("anchors", r.num());
        }
        return c;
    }

    private static Object padding(DarknetLayer.Convolutional c) {
        if (c.padding() == 0) return "valid";
        if (c.stride() == 1 && c.size() % 2 == 1 && c.padding() == c.size() / 2) return "same";
        return c.padding();
    }
}
