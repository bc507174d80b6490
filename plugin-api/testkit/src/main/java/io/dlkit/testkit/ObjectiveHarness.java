package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * An objective built on fed logits {@code z} ({@code [batch, width]}), with outputs {@code
 * sigmoid(z)} (one column), {@code softmax(z)} (several) for a classification objective and {@code
 * z} otherwise, and fixed random targets: integer labels for classification, floats in [-1, 1]
 * otherwise. Close it when done.
 */
public final class ObjectiveHarness implements AutoCloseable {
    private final GraphContext graph;
    private final Objective objective;
    private final int width;
    private final int batch;
    private final Placeholder<TFloat32> z;
    private final Objective.Loss built;
    private final int[] labels;
    private final float[] targets;
    private final List<Tensor> opened = new ArrayList<>();

    private ObjectiveHarness(Objective objective, int width, int batch, long seed) {
        this.objective = objective;
        this.width = width;
        this.batch = batch;
        this.graph = GraphContext.create(DeviceRequest.CPU, 1, seed);
        Ops tf = graph.tf();
        z = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
        boolean classes = objective.classification();
        Operand<TFloat32> out = !classes ? z : width == 1 ? tf.math.sigmoid(z) : tf.nn.softmax(z);
        String activation = !classes ? "linear" : width == 1 ? "sigmoid" : "softmax";
        Random random = new Random(seed);
        int k = width == 1 ? 2 : width;
        labels = new int[batch];
        for (int i = 0; i < batch; i++) labels[i] = i % k; // every class, in order
        targets = new float[batch * width];
        for (int i = 0; i < targets.length; i++) targets[i] = (float) (2 * random.nextDouble() - 1);
        Operand<?> labelOp = tf.constant(labels);
        Operand<?> targetOp =
                tf.reshape(tf.constant(targets), tf.constant(new long[] {batch, width}));
        built =
                objective.build(
                        graph,
                        new Objective.Inputs(
                                Map.of("output", new Model.Forward(z, out, activation)),
                                Map.of("labels", labelOp, "targets", targetOp)));
    }

    /**
     * A harness of {@code objective} on {@code batch} samples of {@code width} outputs.
     *
     * @param seed seeds the targets
     */
    public static ObjectiveHarness of(Objective objective, int width, int batch, long seed) {
        return new ObjectiveHarness(objective, width, batch, seed);
    }

    /** The names of the metrics the objective built, in order. */
    public List<String> metricNames() {
        return List.copyOf(built.metrics().keySet());
    }

    /** Random logits in [-2, 2]. */
    public float[] randomLogits(Random random) {
        float[] f = new float[batch * width];
        for (int i = 0; i < f.length; i++) f[i] = (float) (4 * random.nextDouble() - 2);
        return f;
    }

    /**
     * Logits that agree with the targets by {@code margin} (disagree when negative): the label's
     * column {@code +margin} and the others {@code -margin}; for regression the targets plus 0 or
     * plus 1 (a wrong answer, for a negative margin).
     */
    public float[] logitsAgreeing(float margin) {
        float[] f = new float[batch * width];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < width; j++) {
                int at = i * width + j;
                if (!objective.classification()) f[at] = targets[at] + (margin > 0 ? 0 : 1);
                else if (width == 1) f[at] = labels[i] == 1 ? margin : -margin;
                else f[at] = labels[i] == j ? margin : -margin;
            }
        }
        return f;
    }

    /** The loss at {@code logits}. */
    public double loss(float[] logits) {
        try (Result r = runner(logits).fetch(built.loss()).run()) {
            return Tensors.toFloat(r.get(0));
        }
    }

    /** The metrics at {@code logits}, in order. */
    public double[] metrics(float[] logits) {
        Session.Runner r = runner(logits);
        built.metrics().values().forEach(r::fetch);
        double[] out = new double[built.metrics().size()];
        if (out.length == 0) return out;
        try (Result res = r.run()) {
            for (int i = 0; i < out.length; i++) out[i] = Tensors.toFloat(res.get(i));
        }
        return out;
    }

    /** Asserts dLoss/dz agrees with central differences within {@code tolerance} (relative). */
    public void checkGradient(float[] logits, double tolerance) {
        var g = graph.tf().gradients(built.loss(), List.of(z));
        float[] analytic;
        try (Result r = runner(logits).fetch(g.dy(0)).run()) {
            analytic = Tensors.toFloats(r.get(0));
        }
        for (int i = 0; i < logits.length; i++) {
            double eps = 1e-2;
            float[] up = logits.clone();
            float[] down = logits.clone();
            up[i] += (float) eps;
            down[i] -= (float) eps;
            double numeric = (loss(up) - loss(down)) / (2 * eps);
            assertThat(Math.abs(analytic[i] - numeric))
                    .as("dLoss/dz[%d]: analytic %s, finite differences %s", i, analytic[i], numeric)
                    .isLessThanOrEqualTo(tolerance * Math.max(1e-1, Math.abs(numeric)) + 1e-4);
        }
    }

    private Session.Runner runner(float[] logits) {
        TFloat32 t = Tensors.floats(logits, batch, width);
        opened.add(t);
        return graph.session().runner().feed(z, t);
    }

    @Override
    public void close() {
        opened.forEach(Tensor::close);
        graph.close();
    }
}
