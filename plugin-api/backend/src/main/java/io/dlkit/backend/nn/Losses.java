package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.family.TNumber;

/**
 * Losses computed from logits (the pre-activation {@code z} of the output layer), each the mean
 * over the batch of {@code m} samples, with a gradient TensorFlow Java can take. They are generic
 * in the float type; in TF Java 1.1.0 the two softmax cross-entropies can only be differentiated in
 * float32 (the C++ gradient of SoftmaxCrossEntropyWithLogits adds a float zero, and a float64 graph
 * fails with "Inconsistent values for attr 'T' DT_DOUBLE vs. DT_FLOAT").
 *
 * <ul>
 *   <li>binary cross-entropy: {@code J = (1/m) sum_i [-y log sigma(z) - (1 - y) log(1 -
 *       sigma(z))]}, computed stably as {@code max(z, 0) - z y + log(1 + e^-|z|)}; {@code dJ/dz =
 *       (sigma(z) - y) / m}
 *   <li>categorical cross-entropy: {@code J = (1/m) sum_i -sum_k y_k log softmax(z)_k}; {@code
 *       dJ/dz = (softmax(z) - y) / m} (the notes' {@code dZ = (1/m)(Y^ - Y)})
 *   <li>sparse categorical cross-entropy: the same with integer labels, one-hot encoded in the
 *       graph (TensorFlow's sparse op has no gradient)
 *   <li>mean squared error: {@code J = mean over all elements of (y^ - y)^2}
 * </ul>
 */
public final class Losses {
    private Losses() {}

    /**
     * Binary cross-entropy of sigmoid outputs, from logits.
     *
     * @param logits {@code z}, any shape ({@code [m, 1]} for one output unit)
     * @param labels {@code y} in {0, 1} (or probabilities), the shape of {@code logits}
     * @return the scalar mean over all elements
     */
    public static <T extends TNumber> Operand<T> binaryCrossEntropyFromLogits(
            Ops tf, Operand<T> logits, Operand<T> labels) {
        requireNonNull(logits, "logits is null");
        Operand<T> positivePart = tf.math.maximum(logits, tf.zerosLike(logits));
        Operand<T> softplusOfNegAbs = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits))));
        Operand<T> perElement =
                tf.math.add(
                        tf.math.sub(positivePart, tf.math.mul(logits, labels)), softplusOfNegAbs);
        return meanOfAll(tf, perElement);
    }

    /**
     * Categorical cross-entropy of softmax outputs, from logits.
     *
     * @param logits {@code z} of shape {@code [m, classes]} (rank 2 only)
     * @param labels one-hot (or probability) rows of the same shape
     * @return the scalar mean over the batch
     */
    public static <T extends TNumber> Operand<T> categoricalCrossEntropyFromLogits(
            Ops tf, Operand<T> logits, Operand<T> labels) {
        requireRank2(logits.shape());
        Operand<T> perSample = tf.nn.softmaxCrossEntropyWithLogits(logits, labels).loss();
        return tf.math.mean(perSample, tf.constant(0));
    }

    /**
     * Categorical cross-entropy with integer class labels, one-hot encoded in the graph.
     *
     * @param logits {@code z} of shape {@code [m, classes]}, classes known when the graph is built
     * @param labels class indices in {@code [0, classes)}, shape {@code [m]} or {@code [m, 1]}
     * @return the scalar mean over the batch
     */
    public static <T extends TNumber> Operand<T> sparseCategoricalCrossEntropyFromLogits(
            Ops tf, Operand<T> logits, Operand<? extends TNumber> labels) {
        Shape shape = logits.shape();
        requireRank2(shape);
        if (shape.isUnknown() || shape.size(1) < 0) {
            throw new IllegalArgumentException(
                    "logits need a known number of classes, got shape " + shape);
        }
        Operand<? extends TNumber> flat = tf.reshape(labels, tf.constant(new long[] {-1}));
        Operand<T> oneHot =
                tf.oneHot(
                        flat,
                        tf.constant((int) shape.size(1)),
                        scalar(tf, 1, logits),
                        scalar(tf, 0, logits));
        return categoricalCrossEntropyFromLogits(tf, logits, oneHot);
    }

    /**
     * Mean squared error.
     *
     * @param predictions {@code y^}, any shape
     * @param labels {@code y}, the same shape
     * @return the scalar mean of {@code (y^ - y)^2} over all elements (the batch mean of the
     *     per-sample mean)
     */
    public static <T extends TNumber> Operand<T> meanSquaredError(
            Ops tf, Operand<T> predictions, Operand<T> labels) {
        return meanOfAll(tf, tf.math.squaredDifference(predictions, labels));
    }

    static <T extends TNumber> Operand<T> meanOfAll(Ops tf, Operand<T> x) {
        return tf.math.mean(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
    }

    private static <T extends TNumber> Operand<T> scalar(Ops tf, double value, Operand<T> like) {
        return tf.dtypes.cast(tf.constant(value), like.type());
    }

    private static void requireRank2(Shape shape) {
        if (!shape.isUnknown() && shape.numDimensions() != 2) {
            // softmax gradients are only right on [batch, classes] (tensorflow-java.md A1)
            throw new IllegalArgumentException(
                    "categorical cross-entropy needs rank-2 logits [batch, classes], got shape "
                            + shape);
        }
    }
}
