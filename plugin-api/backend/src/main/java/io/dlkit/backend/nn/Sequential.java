package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A plain stack of layers, each feeding the next: {@code A[l] = layer_l(A[l-1])}, {@code A[0] = X}.
 * Built from a model file:
 *
 * <pre>
 * input_shape: [784]
 * layers:
 *   - {type: dense, units: 512, activation: relu}
 *   - {type: dropout, keep_prob: 0.8}
 *   - {type: dense, units: 10, activation: softmax, batch_norm: false}
 * </pre>
 *
 * <p>or in Java: {@code Sequential.builder().input(784).add(new DenseLayer(512, "relu"))...}.
 * Layers without a name are named {@code <type>_<n>} ({@code dense_1}, {@code dense_2}, {@code
 * dropout_1}), skipping names already taken. Any layer may carry {@code trainable: false}: its
 * weights (and batch-norm statistics) are then left alone by training. {@link #forward} builds the
 * graph once; the model holds nothing per batch.
 */
public final class Sequential implements Model {
    private final long[] inputShape;
    private final List<Layer> layers;
    private final Set<Integer> frozen;
    private List<long[]> outputShapes;
    private Map<String, Operand<TFloat32>> layerOutputs;

    private Sequential(long[] inputShape, List<Layer> layers) {
        this(inputShape, layers, Set.of());
    }

    private Sequential(long[] inputShape, List<Layer> layers, Set<Integer> frozen) {
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    "input_shape: must be a non-empty list of integers >= 1, got "
                            + Arrays.toString(inputShape));
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("layers: a model needs at least one layer");
        }
        this.inputShape = inputShape.clone();
        this.layers = List.copyOf(layers);
        this.frozen = Set.copyOf(frozen);
        nameLayers(this.layers);
    }

    /** A builder for the Java API. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a model file's content ({@code input_shape}, {@code layers}).
     *
     * @throws IllegalArgumentException with a one-line message naming the field path, e.g. {@code
     *     layers[1].keep_prob: must be in (0, 1], got 1.5}
     */
    public static Sequential fromConfig(Map<String, ?> config) {
        ConfigReader r = new ConfigReader(config, "");
        r.checkKeys("a model", List.of("input_shape", "layers"));
        long[] shape = readShape(r);
        if (!(r.get("layers") instanceof List<?> list) || list.isEmpty()) {
            throw r.error(
                    "layers",
                    "must be a non-empty list of layers, got "
                            + ConfigReader.show(r.get("layers")));
        }
        List<Layer> layers = new ArrayList<>();
        Set<Integer> frozen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "layers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(
                        path
                                + ": must be a map with a type, got "
                                + ConfigReader.show(list.get(i)));
            }
            Map<String, Object> layer = new LinkedHashMap<>(ConfigReader.castMap(m));
            // trainable: false freezes any layer type; the layer's own reader never sees the key
            Object trainable = layer.remove("trainable");
            if (trainable != null && !(trainable instanceof Boolean)) {
                throw new IllegalArgumentException(
                        path
                                + ".trainable: must be true or false, got "
                                + ConfigReader.show(trainable));
            }
            if (Boolean.FALSE.equals(trainable)) frozen.add(i);
            layers.add(Layers.fromConfig(layer, path));
        }
        return new Sequential(shape, layers, frozen);
    }

    private static long[] readShape(ConfigReader r) {
        if (!r.has("input_shape")) {
            throw r.error("input_shape", "required, e.g. [784]");
        }
        Object v = r.get("input_shape");
        if (v instanceof List<?> list && !list.isEmpty()) {
            long[] shape = new long[list.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(list.get(i) instanceof Number n)
                        || n.doubleValue() != Math.rint(n.doubleValue())
                        || n.longValue() < 1) {
                    shape = null;
                    break;
                }
                shape[i] = n.longValue();
            }
            if (shape != null) {
                return shape;
            }
        }
        throw r.error(
                "input_shape",
                "must be a non-empty list of integers >= 1, got " + ConfigReader.show(v));
    }

    private static void nameLayers(List<Layer> layers) {
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (!(l instanceof AbstractLayer a) || a.hasName()) {
                if (!taken.add(l.name())) {
                    throw new IllegalArgumentException(
                            "layers[" + i + "].name: duplicate layer name '" + l.name() + "'");
                }
            }
        }
        Map<String, Integer> counters = new HashMap<>();
        for (Layer l : layers) {
            if (l instanceof AbstractLayer a && !a.hasName()) {
                String name;
                do {
                    name = l.type() + "_" + counters.merge(l.type(), 1, Integer::sum);
                } while (!taken.add(name));
                a.assignName(name);
            }
        }
    }

    @Override
    public long[] inputShape() {
        return inputShape.clone();
    }

    @Override
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", Arrays.stream(inputShape).mapToObj(d -> (int) d).toList());
        List<Map<String, Object>> configs = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            Map<String, Object> c = new LinkedHashMap<>(layers.get(i).config());
            if (frozen.contains(i)) c.put("trainable", false);
            configs.add(c);
        }
        m.put("layers", configs);
        return m;
    }

    /** The names of the layers whose weights training leaves alone ({@code trainable: false}). */
    public List<String> frozenLayers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++)
            if (frozen.contains(i)) names.add(layers.get(i).name());
        return names;
    }

    /**
     * The same model with every layer up to and including {@code layerName} frozen (for {@code
     * --freeze}): transfer learning that trains only a new top.
     *
     * @throws IllegalArgumentException for an unknown layer name, with "did you mean"
     */
    public Sequential freezeUpTo(String layerName) {
        List<String> names = layers.stream().map(Layer::name).toList();
        int k = names.indexOf(requireNonNull(layerName, "layerName is null"));
        if (k < 0) {
            throw new IllegalArgumentException(
                    "--freeze: no layer named '"
                            + layerName
                            + "'"
                            + ConfigReader.didYouMean(layerName, names)
                            + "; layers: "
                            + String.join(", ", names));
        }
        Map<String, Object> c = config();
        List<Map<String, Object>> ls = new ArrayList<>();
        for (Object o : (List<?>) c.get("layers"))
            ls.add(new LinkedHashMap<>(ConfigReader.castMap((Map<?, ?>) o)));
        for (int i = 0; i <= k; i++) ls.get(i).put("trainable", false);
        c.put("layers", ls);
        return fromConfig(c);
    }

    /**
     * {@inheritDoc}
     *
     * <p>{@code logits} is the last layer's pre-activation when it is an {@link ActivatedLayer}
     * (dense, activation), else its output with activation {@code linear}.
     *
     * @throws IllegalStateException when called a second time
     */
    @Override
    public Forward forward(GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        requireNonNull(graph, "graph is null");
        if (outputShapes != null) {
            throw new IllegalStateException(
                    "model already built; use Sequential.fromConfig(model.config()) for another graph");
        }
        List<long[]> shapes = new ArrayList<>();
        Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
        long[] shape = inputShape;
        Operand<TFloat32> x = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            shape = layer.build(graph, shape);
            x = layer.call(graph, x, training);
            shapes.add(shape);
            outputs.put(layer.name(), x);
            Layer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            if (PoolThenRelu.applies(layer, next, training)) {
                shape = next.build(graph, shape);
                x = PoolThenRelu.call(graph, (Conv2DLayer) layer, (MaxPoolLayer) next, training);
                shapes.add(shape);
                outputs.put(next.name(), x);
                i++;
            }
        }
        outputShapes = List.copyOf(shapes);
        layerOutputs = outputs;
        if (layers.get(layers.size() - 1) instanceof ActivatedLayer last) {
            return new Forward(last.preActivation(), x, last.activation().name());
        }
        return new Forward(x, x, Activations.LINEAR.name());
    }

    @Override
    public Forward forwardAgain(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        if (outputShapes == null) throw new IllegalStateException("call forward first");
        Operand<TFloat32> x = input;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            x = layer.call(graph, x, training);
            Layer next = i + 1 < layers.size() ? layers.get(i + 1) : null;
            if (PoolThenRelu.applies(layer, next, training)) {
                x = PoolThenRelu.call(graph, (Conv2DLayer) layer, (MaxPoolLayer) next, training);
                i++;
            }
        }
        if (layers.get(layers.size() - 1) instanceof ActivatedLayer last) {
            return new Forward(last.preActivation(), x, last.activation().name());
        }
        return new Forward(x, x, Activations.LINEAR.name());
    }

    /** {@inheritDoc} Frozen layers' variables are left out. */
    @Override
    public List<WeightVariable<TFloat32>> trainableVariables() {
        List<WeightVariable<TFloat32>> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (frozen.contains(i)) continue;
            layers.get(i).variables().stream().filter(WeightVariable::trainable).forEach(out::add);
        }
        return out;
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return flatten(Layer::variables);
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return flatten(Layer::regularizedWeights);
    }

    /** {@inheritDoc} A frozen layer's batch-norm statistics stay as they are, too. */
    @Override
    public List<Op> trainingUpdates() {
        List<Op> out = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            if (!frozen.contains(i)) out.addAll(layers.get(i).trainingUpdates());
        }
        return out;
    }

    @Override
    public List<long[]> layerOutputShapes() {
        if (outputShapes == null) {
            throw new IllegalStateException("model not built yet: call forward first");
        }
        return outputShapes.stream().map(long[]::clone).toList();
    }

    /**
     * The output of the layer called {@code name}, shaped {@code [batch, outputShape...]}, for
     * feature extraction (e.g. the last pooling volume of a trained CNN); valid after {@link
     * #forward}.
     *
     * @throws IllegalStateException before {@link #forward}
     * @throws IllegalArgumentException for an unknown layer name, listing the valid ones
     */
    public Operand<TFloat32> layerOutput(String name) {
        requireNonNull(name, "name is null");
        if (layerOutputs == null) {
            throw new IllegalStateException("model not built yet: call forward first");
        }
        Operand<TFloat32> output = layerOutputs.get(name);
        if (output == null) {
            throw new IllegalArgumentException(
                    "no layer named '"
                            + name
                            + "'"
                            + ConfigReader.didYouMean(name, layerOutputs.keySet())
                            + "; layers: "
                            + String.join(", ", layerOutputs.keySet()));
        }
        return output;
    }

    private <T> List<T> flatten(Function<Layer, List<T>> part) {
        return layers.stream().flatMap(l -> part.apply(l).stream()).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sequential s && s.config().equals(config());
    }

    @Override
    public int hashCode() {
        return config().hashCode();
    }

    @Override
    public String toString() {
        return config().toString();
    }

    /** Builds a {@link Sequential}: {@code input(...)} once, then {@code add(...)} per layer. */
    public static final class Builder {
        private long[] inputShape;
        private final List<Layer> layers = new ArrayList<>();

        private Builder() {}

        /** The input shape without the batch dimension ({@code 784}). */
        public Builder input(long... shape) {
            this.inputShape = requireNonNull(shape, "shape is null").clone();
            return this;
        }

        /** Appends a layer. */
        public Builder add(Layer layer) {
            layers.add(requireNonNull(layer, "layer is null"));
            return this;
        }

        /**
         * The model; unnamed layers get their names here.
         *
         * @throws IllegalArgumentException for a missing input shape, no layers or duplicate names
         */
        public Sequential build() {
            if (inputShape == null) {
                throw new IllegalArgumentException("input_shape: required, call input(...) first");
            }
            return new Sequential(inputShape, layers);
        }
    }
}
