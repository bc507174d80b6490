package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Keras model config ({@code {class_name: Model|Functional|Sequential, config: {layers, ...}}})
 * turned into a dlkit functional model file's content ({@code inputs}, {@code layers} naming their
 * inputs, {@code outputs}) plus where each variable's value comes from in the weights manifest.
 * Every Keras layer keeps its name, so its output is reachable by that name.
 */
final class KerasTopology {
    /** Errors that name the file and the layer. */
    record Errors(String source) {
        DataFormatException layer(String layer, String what) {
            return new DataFormatException(source + ": layer '" + layer + "' " + what);
        }
    }

    private final Errors errors;
    private final Map<String, Object> inputs = new LinkedHashMap<>();
    private final List<Map<String, Object>> layers = new ArrayList<>();
    private final Map<String, String> weights = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> rank = new LinkedHashMap<>();

    private KerasTopology(String source) {
        this.errors = new Errors(source);
    }

    /** The converted topology of {@code modelConfig}. */
    static KerasTopology convert(Map<?, ?> modelConfig, String source) {
        KerasTopology t = new KerasTopology(source);
        t.read(modelConfig);
        return t;
    }

    private void read(Map<?, ?> modelConfig) {
        Object cfg = modelConfig.get("config");
        List<?> list = cfg instanceof Map<?, ?> m ? (List<?>) m.get("layers") : (List<?>) cfg;
        boolean sequential = "Sequential".equals(modelConfig.get("class_name"));
        String previous = null;
        for (Object o : list) {
            Map<?, ?> layer = (Map<?, ?>) o;
            Map<?, ?> c = (Map<?, ?>) layer.get("config");
            String name = String.valueOf(c.get("name"));
            String type = String.valueOf(layer.get("class_name"));
            if (type.equals("InputLayer")) {
                input(name, c);
                previous = name;
                continue;
            }
            List<String> in;
            if (!sequential) {
                in = inbound(layer, name);
            } else if (previous == null) {
                input(name + "_input", c);
                in = List.of(name + "_input");
            } else {
                in = List.of(previous);
            }
            add(type, name, c, in);
            previous = name;
        }
        if (sequential) {
            outputs.add(previous);
        } else {
            for (Object o : (List<?>) ((Map<?, ?>) cfg).get("output_layers")) {
                outputs.add(String.valueOf(((List<?>) o).get(0)));
            }
        }
    }

    private void input(String name, Map<?, ?> c) {
        if (!(c.get("batch_input_shape") instanceof List<?> dims) || dims.size() < 2) {
            throw errors.layer(name, "has no batch_input_shape, so the input size is unknown");
        }
        List<Long> shape = new ArrayList<>();
        for (Object d : dims.subList(1, dims.size())) {
            shape.add(d == null ? -1L : ((Number) d).longValue());
        }
        inputs.put(name, shape);
        rank.put(name, shape.size());
        names.add(name);
    }

    private void add(String type, String name, Map<?, ?> c, List<String> in) {
        int r = rank.getOrDefault(in.get(0), 3);
        KerasLayerMap.Mapped m = KerasLayerMap.map(type, name, c, r, errors);
        List<String> reads = in;
        for (Map<String, Object> l : m.layers()) {
            l.put("inputs", reads);
            layers.add(l);
            reads = List.of(String.valueOf(l.get("name")));
        }
        weights.putAll(m.weights());
        rank.put(name, m.rank());
        names.add(name);
    }

    private List<String> inbound(Map<?, ?> layer, String name) {
        List<?> nodes = (List<?>) layer.get("inbound_nodes");
        if (nodes == null || nodes.isEmpty()) {
            throw errors.layer(name, "reads nothing (no inbound_nodes)");
        }
        if (nodes.size() > 1) {
            throw errors.layer(
                    name,
                    "is shared (called "
                            + nodes.size()
                            + " times), which dlkit's Keras importer does not support");
        }
        List<String> in = new ArrayList<>();
        for (Object t : (List<?>) nodes.get(0)) {
            List<?> ref = (List<?>) t;
            if (((Number) ref.get(2)).intValue() != 0 || ((Number) ref.get(1)).intValue() != 0) {
                throw errors.layer(
                        name,
                        "reads a second output of '" + ref.get(0) + "', which is unsupported");
            }
            in.add(String.valueOf(ref.get(0)));
        }
        return in;
    }

    /** The input shapes (without the batch dimension; -1 where free) by input name. */
    Map<String, Object> inputs() {
        return inputs;
    }

    /** dlkit layer configs with their {@code inputs}, in topology order. */
    List<Map<String, Object>> layers() {
        return layers;
    }

    /** The output layer names. */
    List<String> outputs() {
        return outputs;
    }

    /** dlkit variable name to manifest tensor name (or {@code =1}, {@code =0}). */
    Map<String, String> weightSources() {
        return weights;
    }

    /** The Keras layer names, inputs included, in topology order. */
    List<String> layerNames() {
        return names;
    }
}
