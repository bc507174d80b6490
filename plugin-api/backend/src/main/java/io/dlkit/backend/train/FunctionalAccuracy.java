package io.dlkit.backend.train;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** The batch accuracy of one classification output of a functional model. */
final class FunctionalAccuracy {
    private FunctionalAccuracy() {}

    /**
     * The fraction of rows whose predicted class equals the label: the largest logit's column, or
     * for one column (a sigmoid) class 1 when the logit is positive.
     *
     * @param logits {@code [batch, classes]} or {@code [batch, 1]}
     * @param labels {@code [batch]}
     */
    static Operand<TFloat32> of(Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels) {
        boolean oneColumn = logits.shape().numDimensions() < 2 || logits.shape().size(1) == 1;
        Operand<TInt32> predicted =
                oneColumn
                        ? tf.dtypes.cast(
                                tf.reshape(
                                        tf.math.greater(logits, tf.constant(0f)),
                                        tf.constant(new int[] {-1})),
                                TInt32.class)
                        : tf.math.argMax(logits, tf.constant(1), TInt32.class);
        Operand<TFloat32> hits = tf.dtypes.cast(tf.math.equal(predicted, labels), TFloat32.class);
        return tf.math.mean(hits, tf.constant(0));
    }
}
