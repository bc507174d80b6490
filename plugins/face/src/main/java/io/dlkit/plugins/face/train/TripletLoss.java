package io.dlkit.plugins.face.train;

import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Min;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * FaceNet's triplet loss (id {@code triplet}) with online semi-hard triplet selection inside each
 * batch. The model's output {@code f} ({@code [batch, d]}, L2-normalised embeddings) and the
 * batch's float targets {@code y} ({@code [batch]}: the identity of each image, as {@link
 * IdentityBatches} makes them, several images per identity) give, for every anchor-positive pair
 * {@code (a, p)} of one identity ({@code a != p}),
 *
 * <pre>
 * D(i, j) = ||f(i) - f(j)||^2
 * n*      = argmin { D(a, n) : y_n != y_a, D(a, n) > D(a, p) }     (the semi-hard negative)
 *           or argmax { D(a, n) : y_n != y_a } when no negative is farther than the positive
 * L(a, p) = max(D(a, p) - D(a, n*) + alpha, 0),                    alpha = 0.2
 * loss    = mean over all anchor-positive pairs of L(a, p)
 * </pre>
 *
 * <p>as in Schroff et al. (2015) section 3.2, and TensorFlow's {@code triplet_semihard_loss}: the
 * negative is the closest one still farther from the anchor than the positive, so that the hardest
 * negatives (which collapse the embedding early in training) are avoided. Built from MatMul, Min,
 * Max, Greater and element-wise ops (all with gradients in TensorFlow Java); a batch of {@code B}
 * rows costs a {@code [B, B, B]} tensor. Metric {@code active_triplets}: the share of pairs whose
 * loss is above zero.
 */
public final class TripletLoss implements Objective {
    /** The id {@code --loss} takes. */
    public static final String ID = "triplet";

    /** FaceNet's margin. */
    public static final double DEFAULT_ALPHA = 0.2;

    private final double alpha;

    /** The loss with margin 0.2. */
    public TripletLoss() {
        this(DEFAULT_ALPHA);
    }

    /**
     * @param alpha the margin, {@code >= 0}
     */
    public TripletLoss(double alpha) {
        if (!(alpha >= 0)) throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
        this.alpha = alpha;
    }

    /** The margin. */
    public double alpha() {
        return alpha;
    }

    /** The loss of one explicit triplet: {@code max(||a - p||^2 - ||a - n||^2 + alpha, 0)}. */
    public static double of(float[] anchor, float[] positive, float[] negative, double alpha) {
        return Math.max(squared(anchor, positive) - squared(anchor, negative) + alpha, 0);
    }

    private static double squared(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "FaceNet triplet loss max(||f(A)-f(P)||^2 - ||f(A)-f(N)||^2 + "
                + alpha
                + ", 0), semi-hard negatives chosen in each batch; targets: identity per image";
    }

    @Override
    public boolean classification() {
        return false;
    }

    @Override
    public List<String> metricNames() {
        return List.of("active_triplets");
    }

    @Override
    public Loss build(GraphContext graph, Inputs inputs) {
        Ops tf = graph.tf();
        Operand<TFloat32> f = inputs.output().output();
        if (f.shape().numDimensions() != 2) {
            throw new IllegalArgumentException(
                    "the triplet loss needs embeddings [batch, d], got output shape " + f.shape());
        }
        Operand<TFloat32> y = tf.reshape(inputs.floatTargets(), tf.constant(new long[] {-1}));
        Operand<TFloat32> d = squaredDistances(tf, f);
        Operand<TFloat32> same = pairMask(tf, y);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> positives = tf.math.sub(same, eye(tf, f));
        Operand<TFloat32> negatives = tf.math.sub(one, same);
        Operand<TFloat32> negD = semiHardNegative(tf, d, negatives);
        Operand<TFloat32> perPair =
                tf.nn.relu(tf.math.add(tf.math.sub(d, negD), tf.constant((float) alpha)));
        Operand<TInt32> all = tf.constant(new int[] {0, 1});
        Operand<TFloat32> count = tf.math.maximum(tf.sum(positives, all), one);
        Operand<TFloat32> loss = tf.math.div(tf.sum(tf.math.mul(perPair, positives), all), count);
        Operand<TFloat32> active =
                tf.dtypes.cast(tf.math.greater(perPair, tf.constant(0f)), TFloat32.class);
        Operand<TFloat32> activeShare =
                tf.math.div(tf.sum(tf.math.mul(active, positives), all), count);
        return new Loss(loss, Map.of("active_triplets", activeShare));
    }

    /** {@code D(i, j) = |f_i|^2 + |f_j|^2 - 2 f_i.f_j}, clamped at 0. */
    static Operand<TFloat32> squaredDistances(Ops tf, Operand<TFloat32> f) {
        Operand<TFloat32> sq = tf.sum(tf.math.square(f), tf.constant(1), Sum.keepDims(true));
        Operand<TFloat32> gram = tf.linalg.matMul(f, f, MatMul.transposeB(true));
        Operand<TFloat32> d =
                tf.math.sub(
                        tf.math.add(sq, tf.linalg.transpose(sq, tf.constant(new int[] {1, 0}))),
                        tf.math.mul(tf.constant(2f), gram));
        return tf.math.maximum(d, tf.constant(0f));
    }

    /** 1 where the two rows have the same identity (the diagonal included), else 0. */
    private static Operand<TFloat32> pairMask(Ops tf, Operand<TFloat32> y) {
        Operand<TFloat32> rows = tf.expandDims(y, tf.constant(1));
        Operand<TFloat32> cols = tf.expandDims(y, tf.constant(0));
        return tf.dtypes.cast(tf.math.equal(rows, cols), TFloat32.class);
    }

    private static Operand<TFloat32> eye(Ops tf, Operand<TFloat32> f) {
        Operand<TInt32> n = tf.gather(tf.shape(f), tf.constant(0), tf.constant(0));
        Operand<TInt32> idx = tf.range(tf.constant(0), n, tf.constant(1));
        return tf.dtypes.cast(
                tf.math.equal(
                        tf.expandDims(idx, tf.constant(1)), tf.expandDims(idx, tf.constant(0))),
                TFloat32.class);
    }

    /**
     * {@code [B, B]}: for anchor {@code a} and positive {@code p}, the distance to the chosen
     * negative. Masked minimum and maximum as TensorFlow's semi-hard loss takes them: shift by the
     * row's extreme so masked-out entries can never win.
     */
    private static Operand<TFloat32> semiHardNegative(
            Ops tf, Operand<TFloat32> d, Operand<TFloat32> negatives) {
        Operand<TFloat32> dap = tf.expandDims(d, tf.constant(2)); // [a, p, 1]
        Operand<TFloat32> dan = tf.expandDims(d, tf.constant(1)); // [a, 1, n]
        Operand<TFloat32> negMask = tf.expandDims(negatives, tf.constant(1)); // [a, 1, n]
        Operand<TFloat32> outside =
                tf.math.mul(
                        negMask,
                        tf.dtypes.cast(tf.math.greater(dan, dap), TFloat32.class)); // [a, p, n]
        Operand<TInt32> lastAxis = tf.constant(2);
        Operand<TFloat32> rowMax = tf.max(dan, lastAxis, Max.keepDims(true)); // [a, 1, 1]
        Operand<TFloat32> outsideMin =
                tf.math.add(
                        tf.min(
                                tf.math.mul(tf.math.sub(dan, rowMax), outside),
                                lastAxis,
                                Min.keepDims(false)),
                        tf.squeeze(rowMax, org.tensorflow.op.core.Squeeze.axis(List.of(2L))));
        Operand<TFloat32> rowMin = tf.min(dan, lastAxis, Min.keepDims(true)); // [a, 1, 1]
        Operand<TFloat32> insideMax =
                tf.math.add(
                        tf.max(
                                tf.math.mul(tf.math.sub(dan, rowMin), negMask),
                                lastAxis,
                                Max.keepDims(false)),
                        tf.squeeze(rowMin, org.tensorflow.op.core.Squeeze.axis(List.of(2L))));
        Operand<TFloat32> hasOutside =
                tf.max(outside, lastAxis, Max.keepDims(false)); // [a, p], 0 or 1
        Operand<TFloat32> one = tf.constant(1f);
        return tf.math.add(
                tf.math.mul(hasOutside, outsideMin),
                tf.math.mul(tf.math.sub(one, hasOutside), insideMax));
    }

    /** The extension dlkit discovers: contributes {@code --loss triplet}. */
    @Extension
    public static final class Provider implements ObjectiveProvider {
        /** Created by dlkit. */
        public Provider() {}

        @Override
        public List<Objective> objectives() {
            return List.of(new TripletLoss());
        }
    }
}
