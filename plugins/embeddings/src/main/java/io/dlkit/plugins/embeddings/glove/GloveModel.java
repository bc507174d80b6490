package io.dlkit.plugins.embeddings.glove;

import java.util.Random;

/**
 * GloVe's parameters: word vectors e_i, context vectors t_j, biases b and b~, and AdaGrad's sums of
 * squared gradients (starting at 1, as the Stanford tool), all in double precision.
 */
final class GloveModel {
    final int vocabularySize;
    final int dim;
    final double[] e;
    final double[] t;
    final double[] b;
    final double[] bt;
    final double[] ge;
    final double[] gt;
    final double[] gb;
    final double[] gbt;

    GloveModel(int vocabularySize, int dim) {
        this.vocabularySize = vocabularySize;
        this.dim = dim;
        e = new double[vocabularySize * dim];
        t = new double[vocabularySize * dim];
        b = new double[vocabularySize];
        bt = new double[vocabularySize];
        ge = filled(vocabularySize * dim);
        gt = filled(vocabularySize * dim);
        gb = filled(vocabularySize);
        gbt = filled(vocabularySize);
    }

    /** Every value uniform in [-0.5, 0.5) / D, as the Stanford tool starts. */
    void randomize(long seed) {
        Random random = new Random(seed);
        for (double[] a : new double[][] {e, t, b, bt}) {
            for (int i = 0; i < a.length; i++) {
                a[i] = (random.nextDouble() - 0.5) / dim;
            }
        }
    }

    private static double[] filled(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 1.0);
        return a;
    }

    /**
     * One AdaGrad step on entry (i, j) with count x and weight f = f(x): with diff = e_i . t_j +
     * b_i + b~_j - log x and g = eta f diff (the gradient of (1/2) f diff^2, times eta), each
     * parameter p with gradient factor g_p moves by -g_p / sqrt(G_p), then G_p += g_p^2.
     *
     * @return the cost (1/2) f diff^2 of this entry before the step
     */
    double step(int i, int j, double x, double f, double eta) {
        int li = i * dim;
        int lj = j * dim;
        double diff = b[i] + bt[j] - Math.log(x);
        for (int d = 0; d < dim; d++) {
            diff += e[li + d] * t[lj + d];
        }
        double fdiff = f * diff;
        if (!Double.isFinite(fdiff)) {
            return 0;
        }
        double cost = 0.5 * fdiff * diff;
        double g = eta * fdiff;
        for (int d = 0; d < dim; d++) {
            double gi = g * t[lj + d];
            double gj = g * e[li + d];
            e[li + d] -= gi / Math.sqrt(ge[li + d]);
            t[lj + d] -= gj / Math.sqrt(gt[lj + d]);
            ge[li + d] += gi * gi;
            gt[lj + d] += gj * gj;
        }
        b[i] -= g / Math.sqrt(gb[i]);
        bt[j] -= g / Math.sqrt(gbt[j]);
        gb[i] += g * g;
        gbt[j] += g * g;
        return cost;
    }

    /** The final vectors (e + t) / 2, as floats. */
    float[] combined() {
        float[] out = new float[e.length];
        for (int k = 0; k < e.length; k++) {
            out[k] = (float) ((e[k] + t[k]) / 2);
        }
        return out;
    }
}
