package io.dlkit.backend.nn;

import io.dlkit.backend.nn.FunctionalModel.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes a {@link FunctionalModel}'s model file content. */
final class FunctionalConfig {
    private FunctionalConfig() {}

    static Map<String, long[]> readInputs(ConfigReader r) {
        if (!(r.get("inputs") instanceof Map<?, ?> m) || m.isEmpty()) {
            throw r.error(
                    "inputs",
                    "must be a map of input names to shapes, e.g. {image: [28, 28, 1]}, got "
                            + ConfigReader.show(r.get("inputs")));
        }
        Map<String, long[]> inputs = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String name = String.valueOf(e.getKey());
            String path = r.pathOf("inputs") + "." + name;
            if (!ConfigReader.isFlatName(name)) {
                throw new IllegalArgumentException(
                        path + ": input names must be flat (letters, digits, '_', '.', '-')");
            }
            inputs.put(name, shape(e.getValue(), path));
        }
        return inputs;
    }

    private static long[] shape(Object v, String path) {
        if (v instanceof List<?> list && !list.isEmpty()) {
            long[] shape = new long[list.size()];
            boolean ok = true;
            for (int i = 0; i < shape.length; i++) {
                ok &=
                        list.get(i) instanceof Number n
                                && n.doubleValue() == Math.rint(n.doubleValue())
                                && n.longValue() >= 1;
                if (ok) shape[i] = ((Number) list.get(i)).longValue();
            }
            if (ok) return shape;
        }
        throw new IllegalArgumentException(
                path + ": must be a non-empty list of integers >= 1, got " + ConfigReader.show(v));
    }

    static List<Node> readLayers(ConfigReader r) {
        if (!(r.get("layers") instanceof List<?> list) || list.isEmpty()) {
            throw r.error(
                    "layers",
                    "must be a non-empty list of layers, got "
                            + ConfigReader.show(r.get("layers")));
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "layers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(
                        path
                                + ": must be a map with a name, type and inputs, got "
                                + ConfigReader.show(list.get(i)));
            }
            Map<String, Object> layer = new LinkedHashMap<>(ConfigReader.castMap(m));
            ConfigReader lr = new ConfigReader(layer, path);
            if (!lr.has("name")) throw lr.error("name", "required in a model with inputs");
            List<String> ins = names(lr, "inputs");
            layer.remove("inputs");
            // trainable: false freezes any layer type; the layer's own reader never sees the key
            Object trainable = layer.remove("trainable");
            if (trainable != null && !(trainable instanceof Boolean)) {
                throw new IllegalArgumentException(
                        path
                                + ".trainable: must be true or false, got "
                                + ConfigReader.show(trainable));
            }
            Layer l =
                    MergeLayer.isMerge(String.valueOf(layer.get("type")))
                            ? MergeLayer.fromConfig(new ConfigReader(layer, path))
                            : Layers.fromConfig(layer, path);
            boolean merge = l instanceof MergeLayer;
            if (merge ? ins.size() < 2 : ins.size() != 1) {
                throw lr.error(
                        "inputs",
                        (merge
                                        ? "a " + l.type() + " layer needs at least two inputs"
                                        : "a " + l.type() + " layer takes exactly one input")
                                + ", got "
                                + ins);
            }
            nodes.add(new Node(l, ins, !Boolean.FALSE.equals(trainable)));
        }
        return nodes;
    }

    static List<String> readOutputs(ConfigReader r) {
        List<String> out = names(r, "outputs");
        if (out.isEmpty()) throw r.error("outputs", "must name at least one layer");
        return out;
    }

    private static List<String> names(ConfigReader r, String key) {
        Object v = r.get(key);
        if (v instanceof String s) return List.of(s);
        if (v instanceof List<?> list && list.stream().allMatch(o -> o instanceof String)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw r.error(key, "must be a list of layer or input names, got " + ConfigReader.show(v));
    }

    static Map<String, Object> write(
            Map<String, long[]> inputs, List<Node> nodes, List<String> outputs) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> ins = new LinkedHashMap<>();
        inputs.forEach((k, v) -> ins.put(k, Arrays.stream(v).mapToObj(d -> (int) d).toList()));
        m.put("inputs", ins);
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Node n : nodes) {
            Map<String, Object> c = new LinkedHashMap<>(n.layer().config());
            c.put("inputs", n.inputs());
            if (!n.trainable()) c.put("trainable", false);
            layers.add(c);
        }
        m.put("layers", layers);
        m.put("outputs", outputs);
        return m;
    }
}
