package io.dlkit.plugins.nst;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The neural style transfer costs of the notes ("Neural Style Transfer"), as TensorFlow graph code
 * on activations shaped {@code [1, nH, nW, nC]} (spatial sizes may be unknown until run time):
 *
 * <ul>
 *   <li>content cost {@code 1/(4 nH nW nC) * sum (a(C) - a(G))^2};
 *   <li>Gram matrix {@code G = A A^T} of the unrolled activations {@code A} ({@code nC x nH nW});
 *   <li>per-layer style cost {@code 1/(4 nC^2 (nH nW)^2) * sum (G(S) - G(G))^2};
 *   <li>total variation {@code sum of squared differences of neighbouring pixels / (H W)}.
 * </ul>
 */
public final class StyleCosts {
    private StyleCosts() {}

    /** {@code 1/(4 nH nW nC) * sum (aC - aG)^2}. */
    public static Operand<TFloat32> content(Ops tf, Operand<TFloat32> aC, Operand<TFloat32> aG) {
        Operand<TFloat32> sum = tf.reduceSum(tf.math.squaredDifference(aC, aG), allAxes(tf, aG));
        return tf.math.div(sum, tf.math.mul(tf.constant(4f), size(tf, aG)));
    }

    /** The {@code nC x nC} Gram matrix {@code A A^T} of {@code a} ({@code [1, nH, nW, nC]}). */
    public static Operand<TFloat32> gram(Ops tf, Operand<TFloat32> a) {
        long nC = a.shape().size(a.shape().numDimensions() - 1);
        // rows are positions, columns channels: M = A^T, so A A^T = M^T M
        Operand<TFloat32> m = tf.reshape(a, tf.constant(new long[] {-1, nC}));
        return tf.linalg.matMul(m, m, org.tensorflow.op.linalg.MatMul.transposeA(true));
    }

    /** {@code 1/(4 nC^2 (nH nW)^2) * sum (gramS - G(aG))^2}, with {@code nH nW} from {@code aG}. */
    public static Operand<TFloat32> styleLayer(
            Ops tf, Operand<TFloat32> gramS, Operand<TFloat32> aG) {
        long nC = aG.shape().size(aG.shape().numDimensions() - 1);
        Operand<TFloat32> gG = gram(tf, aG);
        Operand<TFloat32> sum =
                tf.reduceSum(tf.math.squaredDifference(gramS, gG), tf.constant(new int[] {0, 1}));
        Operand<TFloat32> positions = tf.math.div(size(tf, aG), tf.constant((float) nC));
        Operand<TFloat32> norm = tf.math.mul(tf.constant(4f * nC * nC), tf.math.square(positions));
        return tf.math.div(sum, norm);
    }

    /**
     * Total variation of an image {@code [1, H, W, C]}: squared differences of vertical and
     * horizontal neighbours, summed, divided by {@code H W}.
     */
    public static Operand<TFloat32> totalVariation(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> down =
                tf.math.sub(
                        tf.stridedSlice(x, Indices.all(), Indices.sliceFrom(1), Indices.all()),
                        tf.stridedSlice(x, Indices.all(), Indices.sliceTo(-1), Indices.all()));
        Operand<TFloat32> right =
                tf.math.sub(
                        tf.stridedSlice(x, Indices.all(), Indices.all(), Indices.sliceFrom(1)),
                        tf.stridedSlice(x, Indices.all(), Indices.all(), Indices.sliceTo(-1)));
        Operand<TFloat32> sum =
                tf.math.add(
                        tf.reduceSum(tf.math.square(down), allAxes(tf, down)),
                        tf.reduceSum(tf.math.square(right), allAxes(tf, right)));
        Operand<TFloat32> hw =
                tf.math.div(
                        size(tf, x),
                        tf.constant((float) x.shape().size(x.shape().numDimensions() - 1)));
        return tf.math.div(sum, hw);
    }

    private static Operand<TFloat32> size(Ops tf, Operand<TFloat32> a) {
        return tf.dtypes.cast(tf.size(a), TFloat32.class);
    }

    private static Operand<org.tensorflow.types.TInt32> allAxes(Ops tf, Operand<TFloat32> a) {
        int[] axes = new int[a.shape().numDimensions()];
        for (int i = 0; i < axes.length; i++) axes[i] = i;
        return tf.constant(axes);
    }
}
