package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Weight penalties, reported apart from the data loss (add the two for the cost that is
 * differentiated).
 */
public final class Regularization {
    private Regularization() {}

    /**
     * The L2 regularisation cost of the notes:
     *
     * <pre>
     * J_L2 = (1/m) (lambda/2) sum_l sum_k sum_j (W[l]_kj)^2,   dJ_L2/dW[l] = (lambda/m) W[l]
     * </pre>
     *
     * <p>Squares each variable's identity read, never the variable itself (squaring a reference
     * variable crashes the JVM, tensorflow-java.md A1 item 3).
     *
     * @param weights the penalised weights (kernels: {@link Model#regularizedWeights()})
     * @param lambda the regularisation strength, {@code >= 0}
     * @param batchSize {@code m}, a float scalar (for the last, smaller mini-batch use {@link
     *     #batchSize})
     * @return a float scalar; 0 for no weights
     */
    public static Operand<TFloat32> l2(
            Ops tf,
            List<WeightVariable<TFloat32>> weights,
            float lambda,
            Operand<TFloat32> batchSize) {
        requireNonNull(weights, "weights is null");
        if (!(lambda >= 0) || Float.isInfinite(lambda)) {
            throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
        }
        if (weights.isEmpty()) {
            return tf.constant(0f);
        }
        List<Operand<TFloat32>> sums = new ArrayList<>();
        for (WeightVariable<TFloat32> w : weights) {
            Operand<TFloat32> squares = tf.math.square(w.read());
            sums.add(tf.sum(tf.reshape(squares, tf.constant(new long[] {-1})), tf.constant(0)));
        }
        Operand<TFloat32> total = sums.size() == 1 ? sums.get(0) : tf.math.addN(sums);
        return tf.math.div(tf.math.mul(total, tf.constant(lambda / 2)), batchSize);
    }

    /** {@link #l2} with a fixed batch size {@code m > 0}. */
    public static Operand<TFloat32> l2(
            Ops tf, List<WeightVariable<TFloat32>> weights, float lambda, float batchSize) {
        if (!(batchSize > 0)) {
            throw new IllegalArgumentException("batchSize must be > 0, got " + batchSize);
        }
        return l2(tf, weights, lambda, tf.constant(batchSize));
    }

    /** The number of rows of {@code input} (its first dimension) as a float scalar: {@code m}. */
    public static Operand<TFloat32> batchSize(Ops tf, Operand<?> input) {
        Operand<org.tensorflow.types.TInt32> shape = tf.shape(input);
        Operand<org.tensorflow.types.TInt32> rows =
                tf.squeeze(tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1})));
        return tf.dtypes.cast(rows, TFloat32.class);
    }
}
