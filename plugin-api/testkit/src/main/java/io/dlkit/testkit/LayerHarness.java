package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One layer built in its own graph on a batch of random inputs, with {@code L = sum(r * y)} for a
 * fixed random {@code r}: its forward values, and its analytic gradients (with respect to the input
 * and every trainable variable, through the variables' reads, which can be fed) checked against
 * central differences {@code (L(v + e) - L(v - e)) / 2e}. Close it when done.
 */
public final class LayerHarness implements AutoCloseable {
    private static final int CHECKED_PER_TENSOR = 12;

    private final GraphContext graph;
    private final Layer layer;
    private final long[] outputShape;
    private final Placeholder<TFloat32> x;
    private final Operand<TFloat32> y;
    private final Operand<TFloat32> loss;
    private final List<Operand<TFloat32>> wrt = new ArrayList<>();
    private final List<float[]> values = new ArrayList<>();
    private final List<long[]> shapes = new ArrayList<>();
    private final List<Tensor> opened = new ArrayList<>();

    private LayerHarness(Layer layer, long[] inputShape, int batch) {
        this.layer = layer;
        this.graph = GraphContext.create(DeviceRequest.CPU, 1, 7);
        Ops tf = graph.tf();
        long[] dims = batched(batch, inputShape);
        x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
        outputShape = layer.build(graph, inputShape);
        y = layer.call(graph, x, tf.constant(false));
        long n = batch;
        for (long d : outputShape) n *= d;
        float[] r = random(new Random(11), (int) n, -1, 1);
        loss =
                tf.sum(
                        tf.math.mul(
                                y,
                                tf.constant(
                                        Shape.of(batched(batch, outputShape)),
                                        org.tensorflow.ndarray.buffer.DataBuffers.of(r))),
                        tf.constant(allAxes(outputShape.length + 1)));
        wrt.add(x);
        values.add(random(new Random(13), (int) count(dims), -1.5, 1.5));
        shapes.add(dims);
        for (WeightVariable<TFloat32> v : layer.variables()) {
            if (!v.trainable()) continue;
            wrt.add(v.read());
            values.add(fetch(v.read()));
            shapes.add(v.read().shape().asArray());
        }
    }

    /**
     * A harness of {@code layer} (unbuilt) on {@code batch} random samples of {@code inputShape}.
     */
    public static LayerHarness of(Layer layer, long[] inputShape, int batch) {
        return new LayerHarness(layer, inputShape, batch);
    }

    /** The layer, built. */
    public Layer layer() {
        return layer;
    }

    /** The output shape {@link Layer#build} returned. */
    public long[] outputShape() {
        return outputShape.clone();
    }

    /** The outputs on the random batch, row-major. */
    public float[] forward() {
        Session.Runner r = runner(values);
        try (Result res = r.fetch(y).run()) {
            return Tensors.toFloats(res.get(0));
        }
    }

    /** Asserts analytic and numerical gradients agree within {@code tolerance} (relative). */
    public void checkGradients(double tolerance) {
        Gradients g = graph.tf().gradients(loss, new ArrayList<>(wrt));
        List<float[]> analytic = new ArrayList<>();
        Session.Runner r = runner(values);
        for (int i = 0; i < wrt.size(); i++) r.fetch(g.dy(i));
        try (Result res = r.run()) {
            for (int i = 0; i < wrt.size(); i++) analytic.add(Tensors.toFloats(res.get(i)));
        }
        Random pick = new Random(17);
        for (int t = 0; t < wrt.size(); t++) {
            float[] v = values.get(t);
            for (int k = 0; k < Math.min(CHECKED_PER_TENSOR, v.length); k++) {
                int i = v.length <= CHECKED_PER_TENSOR ? k : pick.nextInt(v.length);
                double eps = 1e-2 * Math.max(1, Math.abs(v[i]));
                double numeric =
                        (lossWith(t, i, v[i] + eps) - lossWith(t, i, v[i] - eps)) / (2 * eps);
                double a = analytic.get(t)[i];
                assertThat(Math.abs(a - numeric))
                        .as(
                                "dL/d%s[%d]: analytic %s, finite differences %s",
                                t == 0 ? "input" : layer.variables().get(t - 1).name(),
                                i,
                                a,
                                numeric)
                        .isLessThanOrEqualTo(tolerance * Math.max(1, Math.abs(numeric)));
            }
        }
    }

    private double lossWith(int tensor, int index, double value) {
        List<float[]> copy = new ArrayList<>(values);
        float[] changed = values.get(tensor).clone();
        changed[index] = (float) value;
        copy.set(tensor, changed);
        try (Result res = runner(copy).fetch(loss).run()) {
            return Tensors.toFloat(res.get(0));
        }
    }

    private Session.Runner runner(List<float[]> feeds) {
        Session.Runner r = graph.session().runner();
        List<Tensor> open = new ArrayList<>();
        for (int i = 0; i < wrt.size(); i++) {
            TFloat32 t = Tensors.floats(feeds.get(i), shapes.get(i));
            open.add(t);
            r.feed(wrt.get(i), t);
        }
        opened.addAll(open);
        return r;
    }

    private float[] fetch(Operand<TFloat32> op) {
        try (Result res = graph.session().runner().fetch(op).run()) {
            return Tensors.toFloats(res.get(0));
        }
    }

    @Override
    public void close() {
        opened.forEach(Tensor::close);
        graph.close();
    }

    private static long[] batched(long batch, long[] shape) {
        long[] d = new long[shape.length + 1];
        d[0] = batch;
        System.arraycopy(shape, 0, d, 1, shape.length);
        return d;
    }

    private static int[] allAxes(int rank) {
        int[] a = new int[rank];
        for (int i = 0; i < rank; i++) a[i] = i;
        return a;
    }

    private static long count(long[] dims) {
        long n = 1;
        for (long d : dims) n *= d;
        return n;
    }

    private static float[] random(Random random, int n, double low, double high) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (low + (high - low) * random.nextDouble());
        return f;
    }
}
