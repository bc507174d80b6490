package com.example.dlkit.stats;

import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.nn.Losses;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A training objective contributed by a third-party plugin: the binary focal loss (Lin et al.,
 * 2017) of a one-unit sigmoid output {@code p = sigmoid(z)} against labels {@code y} in {0, 1},
 *
 * <pre>FL = mean_i [ -alpha_t (1 - p_t)^gamma log p_t ],
 * p_t = p if y = 1 else 1 - p,   alpha_t = alpha if y = 1 else 1 - alpha</pre>
 *
 * <p>with {@code log p = -softplus(-z)} and {@code log(1 - p) = -softplus(z)} computed from the
 * logit for stability. {@code gamma = 0, alpha = 0.5} is half the binary cross-entropy. It also
 * reports the plain binary cross-entropy as the extra metric {@code bce} (and {@code val_bce}), in
 * progress, metrics.csv and curves; {@code dlkit train --loss focal --early-stopping val_bce:3}.
 */
public final class FocalLoss implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "focal";

    private final double gamma;
    private final double alpha;

    /** The usual focusing 2 and weight 0.25. */
    public FocalLoss() {
        this(2.0, 0.25);
    }

    /**
     * @param gamma the focusing exponent, >= 0
     * @param alpha the weight of the positive class, in [0, 1]
     */
    public FocalLoss(double gamma, double alpha) {
        if (!(gamma >= 0)) throw new IllegalArgumentException("gamma must be >= 0, got " + gamma);
        if (!(alpha >= 0 && alpha <= 1))
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        this.gamma = gamma;
        this.alpha = alpha;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "binary focal loss -alpha_t (1 - p_t)^gamma log p_t, gamma "
                + gamma
                + ", alpha "
                + alpha;
    }

    @Override
    public boolean classification() {
        return true;
    }

    @Override
    public List<String> metricNames() {
        return List.of("bce");
    }

    @Override
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Model.Forward f = inputs.output();
        Operand<TFloat32> z = f.logits();
        if (z.shape().numDimensions() != 2 || z.shape().size(1) != 1) {
            throw new IllegalArgumentException(
                    "the focal loss needs one sigmoid output unit, got output shape " + z.shape());
        }
        Operand<TFloat32> y =
                tf.reshape(tf.dtypes.cast(inputs.labels(), TFloat32.class), tf.shape(z));
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> notY = tf.math.sub(one, y);
        Operand<TFloat32> logP = tf.math.neg(softplus(tf, tf.math.neg(z)));
        Operand<TFloat32> logNotP = tf.math.neg(softplus(tf, z));
        Operand<TFloat32> logPt = tf.math.add(tf.math.mul(y, logP), tf.math.mul(notY, logNotP));
        Operand<TFloat32> pt = tf.math.exp(logPt);
        Operand<TFloat32> alphaT =
                tf.math.add(
                        tf.math.mul(y, tf.constant((float) alpha)),
                        tf.math.mul(notY, tf.constant((float) (1 - alpha))));
        Operand<TFloat32> focus = tf.math.pow(tf.math.sub(one, pt), tf.constant((float) gamma));
        Operand<TFloat32> perSample = tf.math.neg(tf.math.mul(alphaT, tf.math.mul(focus, logPt)));
        Operand<TFloat32> loss =
                tf.math.mean(tf.reshape(perSample, tf.constant(new long[] {-1})), tf.constant(0));
        return new Loss(loss, Map.of("bce", Losses.binaryCrossEntropyFromLogits(tf, z, y)));
    }

    /** {@code log(1 + e^x)} without overflow: {@code max(x, 0) + log1p(e^-|x|)}. */
    private static Operand<TFloat32> softplus(Ops tf, Operand<TFloat32> x) {
        return tf.math.add(
                tf.math.maximum(x, tf.zerosLike(x)),
                tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
    }

    /** The extension dlkit discovers: contributes {@code --loss focal}. */
    @Extension
    public static class Provider implements ObjectiveProvider {
        /** Created by dlkit. */
        public Provider() {}

        @Override
        public List<Objective> objectives() {
            return List.of(new FocalLoss());
        }
    }
}
