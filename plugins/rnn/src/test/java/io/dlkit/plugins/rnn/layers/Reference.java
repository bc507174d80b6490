package io.dlkit.plugins.rnn.layers;

/**
 * The notes' cell equations in plain Java, one sample, row-vector layout with Keras' blocks: the
 * oracle the layers' forward passes are checked against.
 */
final class Reference {
    private Reference() {}

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Column block {@code block} of {@code v W + b} for W {@code [rows, gates*units]}. */
    static double[] affine(double[] v, float[] w, float[] b, int gates, int units, int block) {
        int cols = gates * units;
        double[] out = new double[units];
        for (int j = 0; j < units; j++) {
            int col = block * units + j;
            double s = b == null ? 0 : b[col];
            for (int i = 0; i < v.length; i++) s += v[i] * w[i * cols + col];
            out[j] = s;
        }
        return out;
    }

    static double[] add(double[] a, double[] b) {
        double[] o = new double[a.length];
        for (int i = 0; i < a.length; i++) o[i] = a[i] + b[i];
        return o;
    }

    /** One LSTM step: returns {a, c}. */
    static double[][] lstm(
            double[] x, double[] a, double[] c, float[] k, float[] rk, float[] b, int u) {
        double[] gu = add(affine(x, k, b, 4, u, 0), affine(a, rk, null, 4, u, 0));
        double[] gf = add(affine(x, k, b, 4, u, 1), affine(a, rk, null, 4, u, 1));
        double[] cc = add(affine(x, k, b, 4, u, 2), affine(a, rk, null, 4, u, 2));
        double[] go = add(affine(x, k, b, 4, u, 3), affine(a, rk, null, 4, u, 3));
        double[] cn = new double[u];
        double[] an = new double[u];
        for (int j = 0; j < u; j++) {
            cn[j] = sigmoid(gu[j]) * Math.tanh(cc[j]) + sigmoid(gf[j]) * c[j];
            an[j] = sigmoid(go[j]) * Math.tanh(cn[j]);
        }
        return new double[][] {an, cn};
    }

    /** One GRU step (notes: relevance gate on the state before the product). */
    static double[] gru(double[] x, double[] c, float[] k, float[] rk, float[] b, int u) {
        double[] gu = add(affine(x, k, b, 3, u, 0), affine(c, rk, null, 3, u, 0));
        double[] gr = add(affine(x, k, b, 3, u, 1), affine(c, rk, null, 3, u, 1));
        double[] rc = new double[u];
        for (int j = 0; j < u; j++) rc[j] = sigmoid(gr[j]) * c[j];
        double[] cand = add(affine(x, k, b, 3, u, 2), affine(rc, rk, null, 3, u, 2));
        double[] out = new double[u];
        for (int j = 0; j < u; j++) {
            double g = sigmoid(gu[j]);
            out[j] = g * Math.tanh(cand[j]) + (1 - g) * c[j];
        }
        return out;
    }

    /** One basic RNN step. */
    static double[] rnn(double[] x, double[] a, float[] k, float[] rk, float[] b, int u) {
        double[] z = add(affine(x, k, b, 1, u, 0), affine(a, rk, null, 1, u, 0));
        for (int j = 0; j < u; j++) z[j] = Math.tanh(z[j]);
        return z;
    }

    /** Row {@code t} of a sample's {@code [T, f]} input. */
    static double[] row(float[] x, int sample, int t, int steps, int f) {
        double[] r = new double[f];
        for (int i = 0; i < f; i++) r[i] = x[(sample * steps + t) * f + i];
        return r;
    }
}
