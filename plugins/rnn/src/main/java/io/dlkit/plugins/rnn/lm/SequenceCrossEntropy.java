package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The language model's loss (id {@code sequence_cross_entropy}): the softmax cross-entropy of every
 * time step, averaged over the steps that count,
 *
 * <pre>L = sum_{b,t} m_bt (-log softmax(z_bt)[y_bt]) / max(1, sum_{b,t} m_bt),   m_bt = [y_bt >= 0]
 * </pre>
 *
 * <p>for logits {@code z} of shape {@code [batch, T, vocab]} (a {@code time_dense} output) and
 * targets {@code y} {@code [batch, T]}: the next token's id as a float (the data's float targets),
 * {@code -1} for padding, which is masked out. Built from OneHot and the dense softmax
 * cross-entropy on {@code [batch T, vocab]} (the sparse op has no gradient in TensorFlow Java, and
 * a rank-3 log-softmax a wrong one). Metric {@code bits_per_char}: the same loss in bits ({@code L
 * / ln 2}); the perplexity is {@code e^L}.
 */
public final class SequenceCrossEntropy implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "sequence_cross_entropy";

    /** Created by the provider. */
    public SequenceCrossEntropy() {}

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "per-step softmax cross-entropy over [batch, T, vocab] logits, targets -1 masked";
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public List<String> metricNames() {
        return List.of("bits_per_char");
    }

    @Override
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Operand<TFloat32> z = inputs.output().logits();
        if (z.shape().numDimensions() != 3 || z.shape().size(2) < 2) {
            throw new IllegalArgumentException(
                    "the sequence cross-entropy needs logits [batch, steps, vocab] (a time_dense"
                            + " output with vocab units, linear), got shape "
                            + z.shape());
        }
        long vocab = z.shape().size(2);
        Operand<TFloat32> flatZ = tf.reshape(z, tf.constant(new long[] {-1, vocab}));
        Operand<TFloat32> y = tf.reshape(inputs.floatTargets(), tf.constant(new long[] {-1}));
        Operand<TInt32> ids = tf.dtypes.cast(tf.math.round(y), TInt32.class);
        Operand<TFloat32> mask =
                tf.dtypes.cast(tf.math.greaterEqual(ids, tf.constant(0)), TFloat32.class);
        Operand<TFloat32> oneHot =
                tf.oneHot(ids, tf.constant((int) vocab), tf.constant(1f), tf.constant(0f));
        Operand<TFloat32> perStep = tf.nn.softmaxCrossEntropyWithLogits(flatZ, oneHot).loss();
        Operand<TFloat32> counted = tf.math.maximum(tf.sum(mask, tf.constant(0)), tf.constant(1f));
        Operand<TFloat32> loss =
                tf.math.div(tf.sum(tf.math.mul(perStep, mask), tf.constant(0)), counted);
        Operand<TFloat32> bits = tf.math.div(loss, tf.constant((float) Math.log(2)));
        return new Loss(loss, Map.of("bits_per_char", bits));
    }

    /** The extension dlkit discovers: contributes {@code --loss sequence_cross_entropy}. */
    @Extension
    public static final class Provider implements ObjectiveProvider {
        /** Created by dlkit. */
        public Provider() {}

        @Override
        public List<Objective> objectives() {
            return List.of(new SequenceCrossEntropy());
        }
    }
}
