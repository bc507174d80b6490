package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The oracle for every gradient test: central finite differences {@code df/dx_i ~ (f(x + eps e_i) -
 * f(x - eps e_i)) / (2 eps)} computed by re-running the forward graph, compared with {@code
 * tf.gradients}. Truncation error is O(eps^2 f'''); round-off error is about {@code ulp(f) / eps}.
 */
final class GradCheck {
    private GradCheck() {}

    static double[] centralDifferences(ToDoubleFunction<double[]> f, double[] x, double eps) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += eps;
            minus[i] -= eps;
            grad[i] = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * eps);
        }
        return grad;
    }

    /** Asserts {@code |analytic - numeric| <= atol + rtol |numeric|} element by element. */
    static void assertClose(
            String what, double[] analytic, double[] numeric, double atol, double rtol) {
        assertThat(analytic).as(what + " length").hasSameSizeAs(numeric);
        for (int i = 0; i < analytic.length; i++) {
            assertThat(analytic[i])
                    .as(
                            "%s[%d]: analytic %s vs finite differences %s",
                            what, i, analytic[i], numeric[i])
                    .isCloseTo(numeric[i], within(atol + rtol * Math.abs(numeric[i])));
        }
    }

    static double[] uniform(Random random, int n, double low, double high) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = low + (high - low) * random.nextDouble();
        }
        return x;
    }

    // ---- float64: a placeholder fed with doubles ----

    static TFloat64 doubles(double[] data, long... shape) {
        return TFloat64.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    static double[] toDoubles(org.tensorflow.Tensor t) {
        TFloat64 d = (TFloat64) t;
        double[] out = new double[Math.toIntExact(d.shape().size())];
        d.asRawTensor().data().asDoubles().read(out);
        return out;
    }

    /** Runs {@code y} with {@code x} fed {@code values}. */
    static double[] run64(
            Session s,
            Placeholder<TFloat64> x,
            double[] values,
            long[] shape,
            Operand<TFloat64> y) {
        try (TFloat64 in = doubles(values, shape);
                Result r = s.runner().feed(x, in).fetch(y).run()) {
            return toDoubles(r.get(0));
        }
    }

    /** Checks d loss / d x for a float64 placeholder {@code x} at {@code values}. */
    static void checkFloat64(
            Ops tf,
            Session s,
            Placeholder<TFloat64> x,
            double[] values,
            long[] shape,
            Operand<TFloat64> loss,
            double eps,
            double atol,
            double rtol) {
        Gradients g = tf.gradients(loss, List.of(x));
        Operand<TFloat64> dx = g.dy(0);
        double[] analytic = run64(s, x, values, shape, dx);
        double[] numeric = centralDifferences(v -> run64(s, x, v, shape, loss)[0], values, eps);
        assertClose("d/dx", analytic, numeric, atol, rtol);
    }

    // ---- float32: variables set through assign ops ----

    /** Sets and reads float variables; build it before the session first runs. */
    static final class Setter {
        private final GraphContext g;
        private final List<WeightVariable<TFloat32>> vars;
        private final List<Placeholder<TFloat32>> feeds = new ArrayList<>();
        private final List<Op> assigns = new ArrayList<>();

        Setter(GraphContext g, List<WeightVariable<TFloat32>> vars) {
            this.g = g;
            this.vars = vars;
            Ops tf = g.tf();
            for (WeightVariable<TFloat32> v : vars) {
                Placeholder<TFloat32> p =
                        tf.placeholder(TFloat32.class, Placeholder.shape(v.variable().shape()));
                feeds.add(p);
                assigns.add(tf.assign(v.variable(), p));
            }
        }

        void set(int i, double[] values) {
            float[] f = new float[values.length];
            for (int k = 0; k < f.length; k++) f[k] = (float) values[k];
            try (TFloat32 t = Tensors.floats(f, vars.get(i).variable().shape().asArray())) {
                g.session().runner().feed(feeds.get(i), t).addTarget(assigns.get(i)).run().close();
            }
        }

        double[] get(int i) {
            return toDouble(fetch(g, vars.get(i).read()));
        }
    }

    static float[] fetch(GraphContext g, Operand<TFloat32> y) {
        try (Result r = g.session().runner().fetch(y).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }

    /**
     * Checks d loss / d v for each float variable {@code v}, perturbing one element at a time and
     * re-running {@code loss}. Build nothing after calling this.
     */
    static void checkFloat32(
            GraphContext g,
            Operand<TFloat32> loss,
            List<WeightVariable<TFloat32>> wrt,
            double eps,
            double atol,
            double rtol) {
        Gradients grads =
                g.tf().gradients(loss, wrt.stream().map(WeightVariable::variable).toList());
        Setter setter = new Setter(g, wrt);
        for (int i = 0; i < wrt.size(); i++) {
            Operand<TFloat32> dv = grads.dy(i);
            double[] analytic = toDouble(fetch(g, dv));
            double[] start = setter.get(i);
            int index = i;
            double[] numeric =
                    centralDifferences(
                            v -> {
                                setter.set(index, v);
                                return fetch(g, loss)[0];
                            },
                            start,
                            eps);
            setter.set(i, start);
            assertClose("d/d" + wrt.get(i).name(), analytic, numeric, atol, rtol);
        }
    }

    /** {@code sum(r * y)} with {@code r} fixed, so every output element gets its own weight. */
    static Operand<TFloat32> weightedSum(Ops tf, Operand<TFloat32> y, float[] r, long... shape) {
        Operand<TFloat32> prod = tf.math.mul(y, tf.constant(Shape.of(shape), DataBuffers.of(r)));
        return tf.sum(tf.reshape(prod, tf.constant(new long[] {-1})), tf.constant(0));
    }

    static float[] uniformFloats(Random random, int n, double low, double high) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (low + (high - low) * random.nextDouble());
        }
        return x;
    }
}
