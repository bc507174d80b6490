package io.dlkit.backend.train.clip;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Limits gradients before {@link io.dlkit.backend.train.Optimizer#applyGradients}, against
 * exploding gradients (large steps that throw training off, common in recurrent networks). Both add
 * ops to the graph once, while it is built:
 *
 * <pre>{@code
 * List<Operand<TFloat32>> clipped = GradientClipping.byGlobalNorm(tf, gradients, 5f);
 * Op step = optimizer.applyGradients(graph, variables, clipped, learningRate);
 * }</pre>
 */
public final class GradientClipping {
    private GradientClipping() {}

    /**
     * Clips each element into {@code [-clip, clip]}: {@code min(max(g, -clip), clip)}. Changes the
     * direction of the gradient when some elements are clipped and others are not.
     *
     * @param clip the largest magnitude, > 0
     * @return one clipped gradient per input, in the same order
     */
    public static List<Operand<TFloat32>> byValue(
            Ops tf, List<Operand<TFloat32>> gradients, float clip) {
        check(tf, gradients, "clip", clip);
        Operand<TFloat32> hi = tf.constant(clip);
        Operand<TFloat32> lo = tf.constant(-clip);
        List<Operand<TFloat32>> out = new ArrayList<>(gradients.size());
        for (Operand<TFloat32> g : gradients) {
            out.add(tf.clipByValue(g, lo, hi));
        }
        return out;
    }

    /**
     * Rescales all gradients together so their global norm is at most {@code clipNorm}, keeping
     * their direction:
     *
     * <pre>
     * global_norm = sqrt(sum over all gradients and elements of g^2)
     * g := g * clipNorm / max(global_norm, clipNorm)
     * </pre>
     *
     * <p>Gradients whose global norm is already at most {@code clipNorm} pass unchanged (zero
     * gradients included: no division by zero).
     *
     * @param clipNorm the largest global norm, > 0
     * @return one rescaled gradient per input, in the same order
     */
    public static List<Operand<TFloat32>> byGlobalNorm(
            Ops tf, List<Operand<TFloat32>> gradients, float clipNorm) {
        check(tf, gradients, "clipNorm", clipNorm);
        Operand<TFloat32> clip = tf.constant(clipNorm);
        Operand<TFloat32> scale =
                tf.math.div(clip, tf.math.maximum(globalNorm(tf, gradients), clip));
        List<Operand<TFloat32>> out = new ArrayList<>(gradients.size());
        for (Operand<TFloat32> g : gradients) {
            out.add(tf.math.mul(g, scale));
        }
        return out;
    }

    /**
     * The global norm {@code sqrt(sum of g^2 over all gradients)}, a scalar: worth logging to see
     * whether gradients explode.
     */
    public static Operand<TFloat32> globalNorm(Ops tf, List<Operand<TFloat32>> gradients) {
        requireNonNull(tf, "tf is null");
        requireNonNull(gradients, "gradients is null");
        Operand<TFloat32> sum = tf.constant(0f);
        for (Operand<TFloat32> g : gradients) {
            Operand<TFloat32> flat =
                    tf.reshape(
                            requireNonNull(g, "a gradient is null"), tf.constant(new int[] {-1}));
            sum = tf.math.add(sum, tf.sum(tf.math.square(flat), tf.constant(0)));
        }
        return tf.math.sqrt(sum);
    }

    private static void check(Ops tf, List<Operand<TFloat32>> gradients, String name, float value) {
        requireNonNull(tf, "tf is null");
        requireNonNull(gradients, "gradients is null");
        if (!(value > 0 && value < Float.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
        }
    }
}
