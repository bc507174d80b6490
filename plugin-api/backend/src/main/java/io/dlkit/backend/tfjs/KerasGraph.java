package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;

/**
 * Builds a TensorFlow GraphDef from a Keras model config (channels-last, as TF.js layers models
 * hold it): each layer becomes a few plain ops whose last one is named after the layer, weights
 * become constants named as in the manifest ({@code conv2d_1/kernel}). Inference only (batch
 * normalisation uses its moving statistics, dropout is the identity).
 */
final class KerasGraph {
    private final NodeWriter w;
    private final NamedTensors weights;
    private final String source;
    private final List<TensorSpec> inputs = new ArrayList<>();
    private final List<TensorSpec> outputs = new ArrayList<>();

    KerasGraph(NamedTensors weights, String source) {
        this.weights = weights;
        this.source = source;
        this.w = new NodeWriter();
    }

    /** Adds every layer of {@code modelConfig} ({@code {class_name, config: {layers, ...}}}). */
    void build(Map<?, ?> modelConfig) {
        Map<?, ?> config = (Map<?, ?>) modelConfig.get("config");
        List<?> layers =
                config.get("layers") instanceof List<?> l ? l : (List<?>) modelConfig.get("config");
        boolean sequential = "Sequential".equals(modelConfig.get("class_name"));
        String previous = null;
        for (Object o : layers) {
            Map<?, ?> layer = (Map<?, ?>) o;
            Map<?, ?> c = (Map<?, ?>) layer.get("config");
            String name = String.valueOf(c.get("name"));
            List<String> in =
                    sequential
                            ? (previous == null ? List.of() : List.of(previous))
                            : inbound(layer, name);
            if (sequential && previous == null && c.get("batch_input_shape") != null) {
                placeholder(name + "_input", c);
                in = List.of(name + "_input");
            }
            new KerasLayers(w, this).add(String.valueOf(layer.get("class_name")), name, c, in);
            previous = name;
        }
        if (sequential) {
            outputs.add(new TensorSpec(previous, "DT_FLOAT", new long[0]));
        } else {
            for (Object o : (List<?>) config.get("output_layers")) {
                outputs.add(
                        new TensorSpec(
                                String.valueOf(((List<?>) o).get(0)), "DT_FLOAT", new long[0]));
            }
        }
    }

    private List<String> inbound(Map<?, ?> layer, String name) {
        List<?> nodes = (List<?>) layer.get("inbound_nodes");
        if (nodes == null || nodes.isEmpty()) return List.of();
        if (nodes.size() > 1) {
            throw error(
                    name,
                    "is shared (called "
                            + nodes.size()
                            + " times), which dlkit's"
                            + " layers importer does not support");
        }
        List<String> in = new ArrayList<>();
        for (Object t : (List<?>) nodes.get(0)) {
            List<?> ref = (List<?>) t;
            int index = ((Number) ref.get(2)).intValue();
            in.add(index == 0 ? String.valueOf(ref.get(0)) : ref.get(0) + ":" + index);
        }
        return in;
    }

    void placeholder(String name, Map<?, ?> c) {
        List<?> dims = (List<?>) c.get("batch_input_shape");
        long[] shape =
                dims.stream().mapToLong(d -> d == null ? -1 : ((Number) d).longValue()).toArray();
        w.placeholder(name, shape);
        inputs.add(new TensorSpec(name, "DT_FLOAT", shape));
    }

    /** The weight {@code layer/suffix} as a constant node, or an error naming it. */
    String weight(String layer, String suffix) {
        String name = layer + "/" + suffix;
        NdArray t = weights.get(name);
        if (t == null) {
            throw error(layer, "needs weight '" + name + "', which the weights manifest lacks");
        }
        return w.constant(name, t, DataType.DT_FLOAT);
    }

    /** Whether the manifest has {@code layer/suffix}. */
    boolean hasWeight(String layer, String suffix) {
        return weights.get(layer + "/" + suffix) != null;
    }

    /** A float constant of {@code value} repeated to the length of {@code like}'s weight. */
    String filled(String name, float value, String likeWeight) {
        long[] shape = weights.get(likeWeight).shape();
        float[] v = new float[(int) weights.get(likeWeight).size()];
        Arrays.fill(v, value);
        return w.constant(name, NdArray.of(v, shape), DataType.DT_FLOAT);
    }

    DataFormatException error(String layer, String what) {
        return new DataFormatException(source + ": layer '" + layer + "' " + what);
    }

    GraphDef graphDef() {
        return w.build();
    }

    List<TensorSpec> inputs() {
        return List.copyOf(inputs);
    }

    List<TensorSpec> outputs() {
        return List.copyOf(outputs);
    }
}
