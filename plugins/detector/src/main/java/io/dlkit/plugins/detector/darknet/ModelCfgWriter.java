package io.dlkit.plugins.detector.darknet;

import io.dlkit.api.DlkitException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Darknet cfg of a dlkit YOLO model configuration (a plain stack or a functional graph of
 * {@code conv2d}, {@code max_pool}, {@code darknet_reorg}, {@code concat} and a final {@code
 * yolo_grid}), the inverse of {@link DarknetModelConfig}: a layer that does not read the layer
 * before it gets a {@code [route]} first, a {@code concat} becomes a {@code [route]} of several.
 */
public final class ModelCfgWriter {
    private final StringBuilder cfg = new StringBuilder();
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> convNames = new ArrayList<>();
    private int next;
    private String last;

    private ModelCfgWriter() {}

    /**
     * The cfg text and the conv layers' names in cfg order.
     *
     * @param anchors the region's anchors (w, h pairs in grid cells)
     * @throws DlkitException (exit 2) for a layer Darknet has no section for
     */
    public static Result write(Map<String, Object> config, float[] anchors, int classes) {
        ModelCfgWriter w = new ModelCfgWriter();
        boolean functional = config.containsKey("inputs");
        List<Integer> shape =
                functional
                        ? ints(((Map<?, ?>) config.get("inputs")).values().iterator().next())
                        : ints(config.get("input_shape"));
        w.cfg.append(
                String.format(
                        Locale.ROOT,
                        "[net]\nbatch=1\nsubdivisions=1\nheight=%d\nwidth=%d\nchannels=%d\n",
                        shape.get(0),
                        shape.get(1),
                        shape.get(2)));
        w.last = functional ? DarknetModelConfig.INPUT : null;
        if (functional) w.index.put(DarknetModelConfig.INPUT, -1);
        for (Object o : (List<?>) config.get("layers")) {
            w.layer((Map<?, ?>) o, functional, anchors, classes);
        }
        return new Result(w.cfg.toString(), List.copyOf(w.convNames));
    }

    /**
     * @param cfg the cfg text
     * @param convNames the model's conv2d layer names in cfg order
     */
    public record Result(String cfg, List<String> convNames) {}

    private void layer(Map<?, ?> c, boolean functional, float[] anchors, int classes) {
        String type = String.valueOf(c.get("type"));
        String name = String.valueOf(c.get("name"));
        List<?> inputs = functional ? (List<?>) c.get("inputs") : null;
        if (type.equals("concat")) {
            List<String> abs = new ArrayList<>();
            for (Object in : inputs) abs.add(String.valueOf(index.get(String.valueOf(in))));
            emit(name, "route", "layers=" + String.join(",", abs));
            return;
        }
        if (functional && !String.valueOf(inputs.get(0)).equals(last)) {
            emit(null, "route", "layers=" + index.get(String.valueOf(inputs.get(0))));
        }
        switch (type) {
            case "conv2d" -> conv(c, name);
            case "max_pool" ->
                    emit(
                            name,
                            "maxpool",
                            "size=" + first(c.get("pool_size")),
                            "stride="
                                    + first(
                                            c.get("strides") == null
                                                    ? c.get("pool_size")
                                                    : c.get("strides")),
                            "valid".equals(c.get("padding")) ? "padding=0" : "");
            case "darknet_reorg" -> emit(name, "reorg", "stride=" + c.get("stride"));
            case "yolo_grid" -> region(name, anchors, classes);
            default ->
                    throw DlkitException.invalidInput(
                            "layer '"
                                    + name
                                    + "' ("
                                    + type
                                    + ") has no Darknet section; a Darknet export takes conv2d,"
                                    + " max_pool, darknet_reorg, concat and yolo_grid");
        }
    }

    private void conv(Map<?, ?> c, String name) {
        boolean bn = Boolean.TRUE.equals(c.get("batch_norm"));
        Object act = c.get("activation");
        String activation;
        if (act instanceof Map<?, ?> m
                && "leaky_relu".equals(m.get("name"))
                && Math.abs(((Number) m.get("slope")).doubleValue() - 0.1) < 1e-6) {
            activation = "leaky";
        } else if (act == null || "linear".equals(act)) {
            activation = "linear";
        } else {
            throw DlkitException.invalidInput(
                    "layer '"
                            + name
                            + "': activation "
                            + act
                            + " has no Darknet equivalent; use leaky_relu with slope 0.1 or linear");
        }
        Object padding = c.get("padding");
        int size = first(c.get("kernel_size"));
        String pad =
                "same".equals(padding)
                        ? "pad=1"
                        : "padding=" + (padding instanceof Number n ? n.intValue() : 0);
        convNames.add(name);
        emit(
                name,
                "convolutional",
                bn ? "batch_normalize=1" : "",
                "filters=" + c.get("filters"),
                "size=" + size,
                "stride=" + (c.get("strides") == null ? 1 : first(c.get("strides"))),
                pad,
                "activation=" + activation);
    }

    private void region(String name, float[] anchors, int classes) {
        List<String> a = new ArrayList<>();
        for (float v : anchors) a.add(String.format(Locale.ROOT, "%s", v));
        emit(
                name,
                "region",
                "anchors=" + String.join(",", a),
                "bias_match=1",
                "classes=" + classes,
                "coords=4",
                "num=" + anchors.length / 2,
                "softmax=1");
    }

    private void emit(String name, String type, String... lines) {
        cfg.append("\n[").append(type).append("]\n");
        for (String l : lines) if (!l.isEmpty()) cfg.append(l).append('\n');
        if (name != null) index.put(name, next);
        last = name;
        next++;
    }

    private static int first(Object v) {
        if (v instanceof List<?> l) return ((Number) l.get(0)).intValue();
        return ((Number) v).intValue();
    }

    private static List<Integer> ints(Object o) {
        return ((List<?>) o).stream().map(v -> ((Number) v).intValue()).toList();
    }
}
