package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A graph of layers with named inputs and outputs, each layer naming what it reads:
 *
 * <pre>
 * inputs: {image: [28, 28, 1], meta: [4]}
 * layers:
 *   - {name: f, type: flatten, inputs: [image]}
 *   - {name: both, type: concat, inputs: [f, meta]}
 *   - {name: cls, type: dense, units: 3, activation: softmax, inputs: [both]}
 *   - {name: reg, type: dense, units: 1, activation: linear, inputs: [both]}
 * outputs: [cls, reg]
 * </pre>
 *
 * <p>Every layer needs a {@code name} and {@code inputs}, and may say {@code trainable: false} (its
 * weights are then left alone by training); a layer with one input is any {@link Layers} type, one
 * with several is a {@link MergeLayer} ({@code concat}, {@code add}, {@code multiply}). Names are
 * checked when the file is read (unknown names with "did you mean", cycles, duplicates) and shapes
 * when the graph is built; errors start with the field path ({@code layers[1].inputs: ...}). Layers
 * may be listed in any order: they are built in dependency order.
 */
public final class FunctionalModel {
    private final Map<String, long[]> inputs;
    private final List<Node> nodes;
    private final List<String> outputs;
    private final List<Node> order;
    private Map<String, long[]> shapes;

    /**
     * One layer and the names it reads.
     *
     * @param layer the layer
     * @param inputs the names of the model inputs or layers it reads, in order
     * @param trainable false when the model file says {@code trainable: false}: training leaves its
     *     weights alone
     */
    public record Node(Layer layer, List<String> inputs, boolean trainable) {
        /** Copies {@code inputs}. */
        public Node {
            requireNonNull(layer, "layer is null");
            inputs = List.copyOf(inputs);
        }

        /** A trainable node. */
        public Node(Layer layer, List<String> inputs) {
            this(layer, inputs, true);
        }
    }

    private FunctionalModel(Map<String, long[]> inputs, List<Node> nodes, List<String> outputs) {
        this.inputs = inputs;
        this.nodes = List.copyOf(nodes);
        this.outputs = List.copyOf(outputs);
        this.order = FunctionalGraph.order(inputs.keySet(), this.nodes, this.outputs);
    }

    /** Whether a model file's content describes a functional model (it has {@code inputs}). */
    public static boolean isFunctional(Map<String, ?> config) {
        return config.containsKey("inputs");
    }

    /**
     * Reads a model file's content ({@code inputs}, {@code layers}, {@code outputs}).
     *
     * @throws IllegalArgumentException with a one-line message starting with the field path
     */
    public static FunctionalModel fromConfig(Map<String, ?> config) {
        ConfigReader r = new ConfigReader(config, "");
        r.checkKeys("a functional model", List.of("inputs", "layers", "outputs"));
        Map<String, long[]> inputs = FunctionalConfig.readInputs(r);
        List<Node> nodes = FunctionalConfig.readLayers(r);
        List<String> outputs = FunctionalConfig.readOutputs(r);
        return new FunctionalModel(inputs, nodes, outputs);
    }

    /** The input shapes by name, without the batch dimension, in file order. */
    public Map<String, long[]> inputShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        inputs.forEach((k, v) -> m.put(k, v.clone()));
        return m;
    }

    /** The output layer names, in file order. */
    public List<String> outputNames() {
        return outputs;
    }

    /** The layers with their inputs, in file order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** The layers in file order. */
    public List<Layer> layers() {
        return nodes.stream().map(Node::layer).toList();
    }

    /** The model file's content; {@code fromConfig(config())} equals this model. */
    public Map<String, Object> config() {
        return FunctionalConfig.write(inputs, nodes, outputs);
    }

    /**
     * A copy with the layers listed up to and including {@code layerName} in the model file marked
     * {@code trainable: false} (Keras' {@code for l in model.layers[:k + 1]: l.trainable = False});
     * merge layers have no weights and are left as they are.
     *
     * @throws IllegalArgumentException naming the layers when none is called {@code layerName}
     */
    public FunctionalModel freezeUpTo(String layerName) {
        List<String> names = layers().stream().map(Layer::name).toList();
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
        List<Map<String, Object>> ls = new java.util.ArrayList<>();
        for (Object o : (List<?>) c.get("layers"))
            ls.add(new LinkedHashMap<>(ConfigReader.castMap((Map<?, ?>) o)));
        for (int i = 0; i <= k; i++) {
            if (!(nodes.get(i).layer() instanceof MergeLayer)) ls.get(i).put("trainable", false);
        }
        c.put("layers", ls);
        return fromConfig(c);
    }

    /**
     * Builds every layer in dependency order and adds the forward pass; call once per graph.
     *
     * @param feeds a float tensor {@code [batch, shape...]} per input name
     * @return each output's ends, by output name in file order
     * @throws IllegalArgumentException for shapes that do not fit, starting with the field path
     */
    public Map<String, Model.Forward> forward(
            GraphContext graph, Map<String, Operand<TFloat32>> feeds, Operand<TBool> training) {
        requireNonNull(graph, "graph is null");
        if (shapes != null) {
            throw new IllegalStateException(
                    "model already built; use FunctionalModel.fromConfig(model.config())");
        }
        Map<String, long[]> shape = new LinkedHashMap<>(inputs);
        Map<String, Operand<TFloat32>> value = new LinkedHashMap<>();
        for (String in : inputs.keySet()) {
            value.put(in, requireNonNull(feeds.get(in), "no feed for input '" + in + "'"));
        }
        for (Node n : order) {
            String path = "layers[" + nodes.indexOf(n) + "]";
            List<long[]> inShapes = n.inputs().stream().map(shape::get).toList();
            List<Operand<TFloat32>> ins = n.inputs().stream().map(value::get).toList();
            try {
                if (n.layer() instanceof MergeLayer m) {
                    shape.put(n.layer().name(), m.buildMerge(inShapes));
                    value.put(n.layer().name(), m.merge(graph, ins));
                } else {
                    shape.put(n.layer().name(), n.layer().build(graph, inShapes.get(0)));
                    value.put(n.layer().name(), n.layer().call(graph, ins.get(0), training));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".inputs: " + e.getMessage(), e);
            }
        }
        shapes = shape;
        Map<String, Model.Forward> out = new LinkedHashMap<>();
        for (String o : outputs) {
            Layer l = layerNamed(o);
            out.put(
                    o,
                    l instanceof ActivatedLayer a
                            ? new Model.Forward(
                                    a.preActivation(), value.get(o), a.activation().name())
                            : new Model.Forward(
                                    value.get(o), value.get(o), Activations.LINEAR.name()));
        }
        return out;
    }

    /** Each layer's output shape without the batch dimension, by layer name (after forward). */
    public Map<String, long[]> layerOutputShapes() {
        if (shapes == null)
            throw new IllegalStateException("model not built yet: call forward first");
        Map<String, long[]> m = new LinkedHashMap<>();
        for (Node n : nodes) m.put(n.layer().name(), shapes.get(n.layer().name()).clone());
        return m;
    }

    /**
     * The trainable variables, in file order, without those of {@code trainable: false} layers
     * (valid after forward).
     */
    public List<WeightVariable<TFloat32>> trainableVariables() {
        return nodes.stream()
                .filter(Node::trainable)
                .flatMap(n -> n.layer().variables().stream())
                .filter(WeightVariable::trainable)
                .toList();
    }

    /** All variables including non-trainable state (valid after forward). */
    public List<WeightVariable<TFloat32>> variables() {
        return layers().stream().flatMap(l -> l.variables().stream()).toList();
    }

    /** Weights under the L2 penalty (valid after forward). */
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return layers().stream().flatMap(l -> l.regularizedWeights().stream()).toList();
    }

    /** Ops to run with each training step (batch-norm moving averages). */
    public List<Op> trainingUpdates() {
        return layers().stream().flatMap(l -> l.trainingUpdates().stream()).toList();
    }

    /** Floating-point operations of one sample's forward pass (valid after forward). */
    public long flops() {
        return layers().stream().mapToLong(Layer::flops).sum();
    }

    private Layer layerNamed(String name) {
        return nodes.stream()
                .map(Node::layer)
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunctionalModel f && f.config().equals(config());
    }

    @Override
    public int hashCode() {
        return config().hashCode();
    }

    @Override
    public String toString() {
        return config().toString();
    }
}
