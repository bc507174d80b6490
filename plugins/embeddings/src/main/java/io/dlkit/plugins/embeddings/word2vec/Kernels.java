package io.dlkit.plugins.embeddings.word2vec;

/**
 * One SGD step of word2vec for one (input vector, output word) pair, over flat row-major float
 * matrices with D columns, exactly as in the C tool. The input vector is a row of {@code syn0}
 * (skip-gram) or the averaged context (CBOW); its gradient is accumulated in {@code neu1e} and
 * applied by the caller, while the output rows are updated here.
 */
public final class Kernels {
    private static final RowMath MATH = RowMath.best();

    private Kernels() {}

    /**
     * Which row arithmetic the kernels use: {@code "simd 256-bit"} (the Java Vector API, when the
     * JVM has {@code --add-modules jdk.incubator.vector}, as {@code bin/dlkit} gives {@code embed
     * train}) or {@code "scalar"}.
     */
    public static String arithmetic() {
        return MATH.describe();
    }

    /**
     * Negative sampling: for the positive word (label 1) and each negative (label 0, skipped when
     * it equals the positive), with f = in . theta_t and g = alpha (label - sigma(f)): {@code neu1e
     * += g theta_t; theta_t += g in}.
     *
     * @param negatives the first {@code k} entries are the negative words
     */
    public static void negativeSampling(
            float[] in,
            int inOffset,
            float[] syn1neg,
            int dim,
            int positive,
            int[] negatives,
            int k,
            float alpha,
            SigmoidTable sigmoid,
            float[] neu1e) {
        negativeSampling(
                in, inOffset, syn1neg, dim, positive, negatives, 0, k, alpha, sigmoid, neu1e);
    }

    /** As above, the negatives being {@code negatives[from, from + k)}. */
    static void negativeSampling(
            float[] in,
            int inOffset,
            float[] syn1neg,
            int dim,
            int positive,
            int[] negatives,
            int from,
            int k,
            float alpha,
            SigmoidTable sigmoid,
            float[] neu1e) {
        update(in, inOffset, syn1neg, positive * dim, dim, 1, alpha, sigmoid, neu1e);
        for (int d = from; d < from + k; d++) {
            int target = negatives[d];
            if (target != positive) {
                update(in, inOffset, syn1neg, target * dim, dim, 0, alpha, sigmoid, neu1e);
            }
        }
    }

    private static void update(
            float[] in,
            int inOffset,
            float[] out,
            int outOffset,
            int dim,
            int label,
            float alpha,
            SigmoidTable sigmoid,
            float[] neu1e) {
        float f = MATH.dot(in, inOffset, out, outOffset, dim);
        float g = sigmoid.gradient(f, label) * alpha;
        MATH.exchange(g, in, inOffset, out, outOffset, neu1e, dim);
    }

    /**
     * Hierarchical softmax: at each inner node n on the word's path, with branch code b and f = in
     * . syn1_n (skipped when |f| >= MAX_EXP), g = alpha (1 - b - sigma(f)): {@code neu1e += g
     * syn1_n; syn1_n += g in}.
     */
    public static void hierarchicalSoftmax(
            float[] in,
            int inOffset,
            float[] syn1,
            int dim,
            byte[] codes,
            int[] points,
            float alpha,
            SigmoidTable sigmoid,
            float[] neu1e) {
        for (int d = 0; d < codes.length; d++) {
            int l2 = points[d] * dim;
            float f = MATH.dot(in, inOffset, syn1, l2, dim);
            if (f <= -SigmoidTable.MAX_EXP || f >= SigmoidTable.MAX_EXP) {
                continue;
            }
            float g = (1 - codes[d] - sigmoid.sigmoid(f)) * alpha;
            MATH.exchange(g, in, inOffset, syn1, l2, neu1e, dim);
        }
    }

    /**
     * Reads one float per 64-byte cache line of row {@code offset}, so that the rows a step will
     * use are fetched from memory together instead of one after the other: the rows of the
     * negatives are random, so most are cache misses, and independent loads overlap. Returns the
     * sum so that the JIT keeps the loads.
     */
    static float touch(float[] m, int offset, int dim) {
        float t = 0;
        for (int c = 0; c < dim; c += 16) {
            t += m[offset + c];
        }
        return t;
    }

    /** {@code y += g x} over {@code dim} columns (a word's accumulated gradient into its row). */
    static void axpy(float g, float[] x, int xOffset, float[] y, int yOffset, int dim) {
        MATH.axpy(g, x, xOffset, y, yOffset, dim);
    }
}
