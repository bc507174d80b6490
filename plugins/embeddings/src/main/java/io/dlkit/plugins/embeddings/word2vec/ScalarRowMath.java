package io.dlkit.plugins.embeddings.word2vec;

/** {@link RowMath} in plain Java: what runs when the Vector API module is absent. */
final class ScalarRowMath extends RowMath {
    /**
     * Eight partial sums: a single running sum waits for each addition to finish before the next (a
     * chain of {@code n} float additions), eight independent ones keep the floating-point units
     * busy, as BLAS's {@code sdot} does.
     */
    @Override
    float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int c = 0;
        for (; c + 7 < n; c += 8) {
            int i = aOffset + c;
            int j = bOffset + c;
            s0 += a[i] * b[j];
            s1 += a[i + 1] * b[j + 1];
            s2 += a[i + 2] * b[j + 2];
            s3 += a[i + 3] * b[j + 3];
            s4 += a[i + 4] * b[j + 4];
            s5 += a[i + 5] * b[j + 5];
            s6 += a[i + 6] * b[j + 6];
            s7 += a[i + 7] * b[j + 7];
        }
        for (; c < n; c++) {
            s0 += a[aOffset + c] * b[bOffset + c];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    void axpy(float g, float[] x, int xOffset, float[] y, int yOffset, int n) {
        for (int c = 0; c < n; c++) {
            y[yOffset + c] += g * x[xOffset + c];
        }
    }

    @Override
    void exchange(
            float g, float[] in, int inOffset, float[] out, int outOffset, float[] acc, int n) {
        for (int c = 0; c < n; c++) {
            acc[c] += g * out[outOffset + c];
        }
        for (int c = 0; c < n; c++) {
            out[outOffset + c] += g * in[inOffset + c];
        }
    }

    @Override
    String describe() {
        return "scalar";
    }
}
