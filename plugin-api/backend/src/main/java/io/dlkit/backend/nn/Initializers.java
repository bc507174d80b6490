package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The built-in initializers and their resolver. With {@code n_prev} the fan-in ({@link #fanIn}: the
 * first dimension of a dense kernel {@code [n_prev, units]}) and {@code N(0, 1)} a standard normal
 * draw seeded per variable:
 *
 * <ul>
 *   <li>{@code zeros}: {@code W = 0} (biases; never for kernels, which would stay symmetric)
 *   <li>{@code random_normal_small}: {@code W = N(0, 1) * 0.01}
 *   <li>{@code xavier}: {@code W = N(0, 1) * sqrt(1 / n_prev)}, so {@code var(W) = 1 / n_prev}
 *       (suits tanh and sigmoid)
 *   <li>{@code he}: {@code W = N(0, 1) * sqrt(2 / n_prev)}, so {@code var(W) = 2 / n_prev} (suits
 *       relu)
 * </ul>
 *
 * <p>The draw is {@code StatelessRandomNormal(shape, [graph.seedFor(variableName), 0])}.
 */
public final class Initializers {
    /** All zeros. */
    public static final Initializer ZEROS = Builtin.ZEROS;

    /** {@code N(0, 1) * 0.01}. */
    public static final Initializer RANDOM_NORMAL_SMALL = Builtin.RANDOM_NORMAL_SMALL;

    /** {@code N(0, 1) * sqrt(1 / n_prev)}. */
    public static final Initializer XAVIER = Builtin.XAVIER;

    /** {@code N(0, 1) * sqrt(2 / n_prev)}. */
    public static final Initializer HE = Builtin.HE;

    private Initializers() {}

    /** The valid names, in a fixed order. */
    public static List<String> names() {
        return Builtin.ALL.stream().map(Builtin::name).toList();
    }

    /**
     * The initializer called {@code name}.
     *
     * @throws IllegalArgumentException naming the valid initializers when {@code name} is unknown
     */
    public static Initializer get(String name) {
        requireNonNull(name, "name is null");
        for (Builtin b : Builtin.ALL) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException(
                "unknown initializer '"
                        + name
                        + "'"
                        + ConfigReader.didYouMean(name, names())
                        + "; valid: "
                        + String.join(", ", names()));
    }

    /** He for the ReLU family, Xavier otherwise (the notes' advice). */
    public static Initializer defaultFor(Activation activation) {
        return activation.isReluFamily() ? HE : XAVIER;
    }

    /**
     * The fan-in {@code n_prev} of a weight of {@code shape}, as Keras computes it: {@code
     * shape[0]} for rank 1 and 2, the receptive field times input channels ({@code kh * kw * c_in})
     * for a convolution kernel {@code [kh, kw, c_in, c_out]}, 1 for a scalar.
     */
    public static long fanIn(long... shape) {
        if (shape.length == 0) {
            return 1;
        }
        if (shape.length <= 2) {
            return shape[0];
        }
        long n = 1;
        for (int i = 0; i < shape.length - 1; i++) {
            n *= shape[i];
        }
        return n;
    }

    /** A built-in initializer; records give the value equality that config round trips need. */
    private record Builtin(String name) implements Initializer {
        static final Builtin ZEROS = new Builtin("zeros");
        static final Builtin RANDOM_NORMAL_SMALL = new Builtin("random_normal_small");
        static final Builtin XAVIER = new Builtin("xavier");
        static final Builtin HE = new Builtin("he");
        static final List<Builtin> ALL = List.of(ZEROS, RANDOM_NORMAL_SMALL, XAVIER, HE);

        @Override
        public Operand<TFloat32> initialValue(
                GraphContext graph, String variableName, long... shape) {
            Ops tf = graph.tf();
            if (this.equals(ZEROS)) {
                return tf.fill(tf.constant(shape), tf.constant(0f));
            }
            long seed = graph.seedFor(variableName);
            Operand<TFloat32> normal =
                    tf.random.statelessRandomNormal(
                            tf.constant(shape), tf.constant(new long[] {seed, 0}));
            return tf.math.mul(normal, tf.constant((float) stddev(shape)));
        }

        private double stddev(long[] shape) {
            long n = Math.max(1, fanIn(shape));
            return switch (name) {
                case "random_normal_small" -> 0.01;
                case "xavier" -> Math.sqrt(1.0 / n);
                case "he" -> Math.sqrt(2.0 / n);
                default -> throw new IllegalStateException("unhandled initializer " + name);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
