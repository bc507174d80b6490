package io.dlkit.testkit;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A tiny graph to drive an {@link Optimizer} with: float vectors as trainable variables, their
 * gradients either fed each step ({@link #withFedGradients}) or taken from a convex quadratic
 * ({@link #quadratic}), and a fed learning rate. Runs on the CPU with one thread. Close it.
 */
public final class OptimizerHarness implements AutoCloseable {
    /** The quadratic's variables: {@code kernel} (2 values) and {@code bias} (1 value). */
    public static final List<String> QUADRATIC_VARIABLES = List.of("kernel", "bias");

    private final GraphContext graph;
    private final List<WeightVariable<TFloat32>> trainables;
    private final List<Placeholder<TFloat32>> gradientFeeds;
    private final Placeholder<TFloat32> learningRate;
    private final Operand<TFloat32> loss;
    private final Op update;

    private OptimizerHarness(
            GraphContext graph,
            List<WeightVariable<TFloat32>> trainables,
            List<Placeholder<TFloat32>> gradientFeeds,
            Placeholder<TFloat32> learningRate,
            Operand<TFloat32> loss,
            Op update) {
        this.graph = graph;
        this.trainables = trainables;
        this.gradientFeeds = gradientFeeds;
        this.learningRate = learningRate;
        this.loss = loss;
        this.update = update;
    }

    /**
     * One trainable variable per entry (name and initial values, shape {@code [n]}) whose gradients
     * {@link #step(float, float[]...)} feeds.
     */
    public static OptimizerHarness withFedGradients(
            Optimizer optimizer, Map<String, float[]> initialValues) {
        requireNonNull(optimizer, "optimizer is null");
        GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 42);
        Ops tf = g.tf();
        List<WeightVariable<TFloat32>> vars = new ArrayList<>();
        List<Placeholder<TFloat32>> feeds = new ArrayList<>();
        for (Map.Entry<String, float[]> e : initialValues.entrySet()) {
            vars.add(g.variable(e.getKey(), tf.constant(e.getValue()), true));
            feeds.add(
                    tf.placeholder(
                            TFloat32.class, Placeholder.shape(Shape.of(e.getValue().length))));
        }
        Placeholder<TFloat32> lr = scalarPlaceholder(tf);
        Op update = optimizer.applyGradients(g, vars, new ArrayList<>(feeds), lr);
        return new OptimizerHarness(g, vars, feeds, lr, null, update);
    }

    /**
     * The convex quadratic {@code loss = 0.5 * sum(c * (w - target)^2)} over {@code kernel}
     * (starting at [0, 0], target [1, -2], curvature [1, 4]) and {@code bias} (starting at [0],
     * target [0.5], curvature [2]); the initial loss is 8.75 and the minimum 0. Gradients come from
     * {@code tf.gradients}.
     */
    public static OptimizerHarness quadratic(Optimizer optimizer) {
        requireNonNull(optimizer, "optimizer is null");
        GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 42);
        Ops tf = g.tf();
        WeightVariable<TFloat32> kernel = g.variable("kernel", tf.constant(new float[2]), true);
        WeightVariable<TFloat32> bias = g.variable("bias", tf.constant(new float[1]), true);
        Operand<TFloat32> loss =
                tf.math.add(
                        term(tf, kernel, new float[] {1f, -2f}, new float[] {1f, 4f}),
                        term(tf, bias, new float[] {0.5f}, new float[] {2f}));
        List<WeightVariable<TFloat32>> vars = List.of(kernel, bias);
        var grads = tf.gradients(loss, List.of(kernel.variable(), bias.variable()));
        List<Operand<TFloat32>> gradients = List.of(grads.<TFloat32>dy(0), grads.<TFloat32>dy(1));
        Placeholder<TFloat32> lr = scalarPlaceholder(tf);
        Op update = optimizer.applyGradients(g, vars, gradients, lr);
        return new OptimizerHarness(g, vars, List.of(), lr, loss, update);
    }

    private static Operand<TFloat32> term(
            Ops tf, WeightVariable<TFloat32> w, float[] target, float[] curvature) {
        Operand<TFloat32> d = tf.math.sub(w.read(), tf.constant(target));
        Operand<TFloat32> weighted = tf.math.mul(tf.constant(curvature), tf.math.square(d));
        return tf.math.mul(tf.constant(0.5f), tf.sum(weighted, tf.constant(0)));
    }

    private static Placeholder<TFloat32> scalarPlaceholder(Ops tf) {
        return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    }

    /** Runs one update of the quadratic with the fed {@code learningRate}. */
    public void step(float learningRate) {
        if (loss == null) {
            throw new IllegalStateException("this harness feeds gradients: call step(lr, grads)");
        }
        try (TFloat32 lr = TFloat32.scalarOf(learningRate)) {
            graph.session().runner().feed(this.learningRate, lr).addTarget(update).run();
        }
    }

    /** Runs one update with the given gradients, one array per variable, in creation order. */
    public void step(float learningRate, float[]... gradients) {
        if (gradients.length != gradientFeeds.size()) {
            throw new IllegalArgumentException(
                    "expected " + gradientFeeds.size() + " gradients, got " + gradients.length);
        }
        List<TFloat32> open = new ArrayList<>();
        try {
            open.add(TFloat32.scalarOf(learningRate));
            Session.Runner runner = graph.session().runner().feed(this.learningRate, open.get(0));
            for (int i = 0; i < gradients.length; i++) {
                TFloat32 t = Tensors.floats(gradients[i], gradients[i].length);
                open.add(t);
                runner.feed(gradientFeeds.get(i), t);
            }
            runner.addTarget(update).run();
        } finally {
            open.forEach(TFloat32::close);
        }
    }

    /** The quadratic's current loss (a separate run, after any update). */
    public float loss() {
        if (loss == null) {
            throw new IllegalStateException("this harness feeds gradients and has no loss");
        }
        try (Result r = graph.session().runner().fetch(loss).run()) {
            return Tensors.toFloat(r.get(0));
        }
    }

    /** The current values of the float variable {@code name} (trainable or optimizer state). */
    public float[] floats(String name) {
        try (Result r = graph.session().runner().fetch(find(name).read()).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    /** The current value of the int64 scalar variable {@code name} (a step counter). */
    public long longScalar(String name) {
        try (Result r = graph.session().runner().fetch(find(name).read()).run()) {
            return ((TInt64) r.get(0)).getLong();
        }
    }

    /** The current values of all trainable variables, by name. */
    public Map<String, float[]> trainableValues() {
        Map<String, float[]> out = new LinkedHashMap<>();
        trainables.forEach(v -> out.put(v.name(), floats(v.name())));
        return out;
    }

    /** The trainable variables the harness created. */
    public List<WeightVariable<TFloat32>> trainables() {
        return trainables;
    }

    /** Every variable the optimizer added: its state. */
    public List<WeightVariable<?>> stateVariables() {
        List<String> names = trainables.stream().map(WeightVariable::name).toList();
        return graph.variables().stream().filter(v -> !names.contains(v.name())).toList();
    }

    /** The graph, for checks this class does not cover. */
    public GraphContext graph() {
        return graph;
    }

    private WeightVariable<?> find(String name) {
        return graph.variables().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "no variable '"
                                                + name
                                                + "'; the graph has "
                                                + graph.variables().stream()
                                                        .map(WeightVariable::name)
                                                        .toList()));
    }

    @Override
    public void close() {
        graph.close();
    }
}
