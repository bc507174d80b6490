package io.dlkit.plugins.embeddings.word2vec;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowMath} on the Java Vector API: fused multiply-adds over 8 floats at a time (256 bits),
 * then plain Java for the last columns. 256 bits rather than the 512 of AVX-512: skip-gram at D =
 * 100 trained 15-20% more words per CPU second with 256 (441-450k against 374-386k, one A/B run on
 * a loaded machine). {@code -Ddlkit.simd.bits=512} or {@code 128} overrides it (capped at the CPU's
 * widest). A 128-bit step for the last 4 columns made it 4x slower on Java 17 (mixed vector shapes
 * in one method). Loaded by name only when the {@code jdk.incubator.vector} module is present.
 */
final class SimdRowMath extends RowMath {
    private static final VectorSpecies<Float> S = species();
    private static final int L = S.length();

    private static VectorSpecies<Float> species() {
        String bits = System.getProperty("dlkit.simd.bits", "256");
        VectorSpecies<Float> s =
                switch (bits) {
                    case "512" -> FloatVector.SPECIES_512;
                    case "128" -> FloatVector.SPECIES_128;
                    default -> FloatVector.SPECIES_256;
                };
        return s.length() <= FloatVector.SPECIES_PREFERRED.length()
                ? s
                : FloatVector.SPECIES_PREFERRED;
    }

    @Override
    float dot(float[] a, int aOffset, float[] b, int bOffset, int n) {
        FloatVector sum = FloatVector.zero(S);
        int c = 0;
        for (int end = S.loopBound(n); c < end; c += L) {
            FloatVector x = FloatVector.fromArray(S, a, aOffset + c);
            sum = x.fma(FloatVector.fromArray(S, b, bOffset + c), sum);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; c < n; c++) {
            s += a[aOffset + c] * b[bOffset + c];
        }
        return s;
    }

    @Override
    void axpy(float g, float[] x, int xOffset, float[] y, int yOffset, int n) {
        int c = 0;
        FloatVector gv = FloatVector.broadcast(S, g);
        for (int end = S.loopBound(n); c < end; c += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOffset + c);
            xv.fma(gv, FloatVector.fromArray(S, y, yOffset + c)).intoArray(y, yOffset + c);
        }
        for (; c < n; c++) {
            y[yOffset + c] += g * x[xOffset + c];
        }
    }

    @Override
    void exchange(
            float g, float[] in, int inOffset, float[] out, int outOffset, float[] acc, int n) {
        int c = 0;
        FloatVector gv = FloatVector.broadcast(S, g);
        for (int end = S.loopBound(n); c < end; c += L) {
            FloatVector o = FloatVector.fromArray(S, out, outOffset + c);
            o.fma(gv, FloatVector.fromArray(S, acc, c)).intoArray(acc, c);
            FloatVector i = FloatVector.fromArray(S, in, inOffset + c);
            i.fma(gv, o).intoArray(out, outOffset + c);
        }
        for (; c < n; c++) {
            float o = out[outOffset + c];
            acc[c] += g * o;
            out[outOffset + c] = o + g * in[inOffset + c];
        }
    }

    @Override
    String describe() {
        return "simd " + S.vectorBitSize() + "-bit";
    }
}
