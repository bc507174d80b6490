package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.FunctionalSummary;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A Keras model (a TF.js layers model's topology and weights) as a dlkit {@link FunctionalModel}
 * built from the backend's layers, with the trained values of every variable. Each Keras layer
 * keeps its name, so intermediate layers ({@code block_6_expand_relu}, {@code mixed2}) are
 * reachable by it.
 *
 * <pre>{@code
 * KerasModel k = KerasModel.read(Path.of("mobilenet_v2/model.min.js"));
 * try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 1)) {
 *     Map<String, Operand<TFloat32>> layers = k.upTo(List.of("block_6_expand_relu"), 96, 96)
 *             .build(g, pixels).layers();
 * }
 * }</pre>
 */
public final class KerasModel {
    private final String source;
    private final Map<String, Object> config;
    private final Map<String, NdArray> weights;
    private final List<String> layerNames;

    private KerasModel(
            String source,
            Map<String, Object> config,
            Map<String, NdArray> weights,
            List<String> layerNames) {
        this.source = source;
        this.config = config;
        this.weights = weights;
        this.layerNames = layerNames;
    }

    /**
     * Reads a layers model ({@code model.json} with {@code .bin} shards, or nsfwjs' {@code .min.js}
     * bundles) and converts it.
     *
     * @throws DataFormatException naming the file and the layer for an unsupported layer class, and
     *     naming the weight for a missing or misshapen weight
     */
    public static KerasModel read(Path file) {
        LayersModelFile.Parsed p = LayersModelFile.parse(file);
        return of(p.modelConfig(), p.weights(), file.toString());
    }

    /** Converts a Keras model config and its weights (by manifest name). */
    public static KerasModel of(Map<?, ?> modelConfig, NamedTensors tensors, String source) {
        KerasTopology t = KerasTopology.convert(modelConfig, source);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("inputs", t.inputs());
        config.put("layers", t.layers());
        config.put("outputs", t.outputs());
        Map<String, NdArray> values = new LinkedHashMap<>();
        t.weightSources().forEach((v, from) -> values.put(v, value(tensors, v, from, source)));
        KerasModel k = new KerasModel(source, config, values, List.copyOf(t.layerNames()));
        k.model(); // checks names and layer configs now
        return k;
    }

    private static NdArray value(NamedTensors t, String variable, String from, String source) {
        String name = from;
        if (from.startsWith("=")) {
            // an absent gamma (scale: false) or beta (center: false): ones or zeros
            name = variable.replaceFirst("_(gamma|beta)$", "") + "/moving_mean";
        }
        NdArray v = t.get(name);
        if (v == null) {
            throw new DataFormatException(
                    source + ": weight '" + name + "' is missing from the weights manifest");
        }
        if (!from.startsWith("=")) return v;
        float[] filled = new float[v.size()];
        Arrays.fill(filled, from.equals("=1") ? 1f : 0f);
        return NdArray.of(filled, v.shape());
    }

    /** The functional model file content ({@code inputs}, {@code layers}, {@code outputs}). */
    public Map<String, Object> config() {
        return config;
    }

    /** A new, unbuilt functional model of {@link #config()}. */
    public FunctionalModel model() {
        try {
            return FunctionalModel.fromConfig(config);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source + ": " + e.getMessage(), e);
        }
    }

    /** The trained value of every variable by name ({@code Conv1_kernel}). */
    public Map<String, NdArray> weights() {
        return weights;
    }

    /** The number of weight values. */
    public long parameters() {
        return weights.values().stream().mapToLong(NdArray::size).sum();
    }

    /** The Keras layer names in topology order, the input layer included. */
    public List<String> layerNames() {
        return layerNames;
    }

    /** The input's name ({@code input_1}). */
    public String inputName() {
        return inputs().keySet().iterator().next();
    }

    /** The input shape without the batch dimension. */
    public long[] inputShape() {
        return ((List<?>) inputs().values().iterator().next())
                .stream().mapToLong(d -> ((Number) d).longValue()).toArray();
    }

    /** The output layer names. */
    @SuppressWarnings("unchecked")
    public List<String> outputNames() {
        return (List<String>) config.get("outputs");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inputs() {
        return (Map<String, Object>) config.get("inputs");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> layers() {
        return (List<Map<String, Object>>) config.get("layers");
    }

    /**
     * The part of this model that {@code outputs} depend on (a classifier head dropped), on inputs
     * of {@code height x width} (the convolutional part runs on any size that fits its windows).
     *
     * @throws DataFormatException for an unknown layer name
     */
    public KerasModel upTo(List<String> outputs, int height, int width) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> l : layers()) byName.put(String.valueOf(l.get("name")), l);
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        for (String o : outputs) {
            if (!byName.containsKey(o)) {
                throw new DataFormatException(
                        source
                                + ": no layer '"
                                + o
                                + "'; layers: "
                                + String.join(", ", layerNames));
            }
            todo.push(o);
        }
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (byName.containsKey(n) && keep.add(n)) {
                ((List<?>) byName.get(n).get("inputs")).forEach(i -> todo.push((String) i));
            }
        }
        List<Map<String, Object>> kept = new ArrayList<>();
        for (Map<String, Object> l : layers()) if (keep.contains(l.get("name"))) kept.add(l);
        Map<String, Object> c = new LinkedHashMap<>();
        long channels = inputShape()[inputShape().length - 1];
        c.put("inputs", Map.of(inputName(), List.of(height, width, channels)));
        c.put("layers", kept);
        c.put("outputs", List.copyOf(outputs));
        Map<String, NdArray> w = new LinkedHashMap<>();
        weights.forEach(
                (k, v) -> {
                    if (keep.stream().anyMatch(n -> k.startsWith(n + "_"))) w.put(k, v);
                });
        return new KerasModel(source, c, w, layerNames);
    }

    /**
     * A model built in a caller's graph.
     *
     * @param layers every layer's output by Keras name, in topology order ({@code [batch, ...]})
     * @param variables the variables, holding the trained values
     */
    public record Built(
            Map<String, Operand<TFloat32>> layers, List<WeightVariable<TFloat32>> variables) {}

    /**
     * Builds the model in {@code graph} on {@code input} ({@code [batch, inputShape...]}) in
     * inference mode and assigns every variable its trained value (gradients reach {@code input}).
     *
     * @throws DataFormatException naming a variable whose value has the wrong shape
     */
    public Built build(GraphContext graph, Operand<TFloat32> input) {
        Forwarded f = allLayers().forward(graph, input);
        var tf = graph.tf();
        Session.Runner r = graph.session().runner();
        List<WeightVariable<TFloat32>> vars = f.model().variables();
        for (WeightVariable<TFloat32> v : vars) {
            NdArray w = checkedWeight(v);
            r.addTarget(
                    tf.assign(
                            v.variable(),
                            tf.constant(
                                    Shape.of(w.shape()), DataBuffers.of(w.floats(), true, false))));
        }
        if (!vars.isEmpty()) r.run();
        return new Built(f.outputs(), vars);
    }

    /** A built functional model and its outputs by name. */
    record Forwarded(FunctionalModel model, Map<String, Operand<TFloat32>> outputs) {}

    /** Builds the model in inference mode on {@code input}; variables keep their initial values. */
    Forwarded forward(GraphContext graph, Operand<TFloat32> input) {
        FunctionalModel m = model();
        Map<String, Model.Forward> f;
        try {
            f = m.forward(graph, Map.of(inputName(), input), graph.tf().constant(false));
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source + ": " + e.getMessage(), e);
        }
        Map<String, Operand<TFloat32>> outs = new LinkedHashMap<>();
        f.forEach((k, v) -> outs.put(k, v.output()));
        return new Forwarded(m, outs);
    }

    /** This model with every layer an output (so that each layer's tensor is returned). */
    KerasModel allLayers() {
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.put("outputs", layers().stream().map(l -> String.valueOf(l.get("name"))).toList());
        return new KerasModel(source, c, weights, layerNames);
    }

    /** The trained value of {@code v}, checked against its shape. */
    NdArray checkedWeight(WeightVariable<TFloat32> v) {
        NdArray w = weights.get(v.name());
        long[] shape = v.variable().shape().asArray();
        if (w == null || !Arrays.equals(w.shape(), shape)) {
            throw new DataFormatException(
                    source
                            + ": variable "
                            + v.name()
                            + " needs shape "
                            + Arrays.toString(shape)
                            + ", the weights manifest "
                            + (w == null ? "has none" : "has " + Arrays.toString(w.shape())));
        }
        return w;
    }

    /**
     * The layer-by-layer summary of the dlkit model (shapes, parameters, FLOPs, inputs), built in a
     * scratch graph on inputs of the model's size.
     */
    public FunctionalSummary summary() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            long[] shape = new long[inputShape().length + 1];
            shape[0] = -1;
            System.arraycopy(inputShape(), 0, shape, 1, inputShape().length);
            Placeholder<TFloat32> x =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape)));
            return FunctionalSummary.of(forward(g, x).model());
        }
    }

    /** The file the model was read from. */
    public String source() {
        return source;
    }
}
