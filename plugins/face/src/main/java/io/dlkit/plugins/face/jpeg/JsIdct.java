package io.dlkit.plugins.face.jpeg;

/**
 * jpeg-js's inverse DCT (poppler's, after Loeffler, Ligtenberg and Moschytz, "Practical fast 1-D
 * DCT algorithms with 11 multiplications", 1989), re-implemented on Java ints: a row pass with
 * 8-bit fixed-point constants, a column pass with 12-bit ones, then {@code 128 + ((p + 8) >> 4)}
 * clamped to 0-255. All-zero AC rows and columns take the DC-only shortcut, whose rounding differs
 * slightly from the full path: that is part of the output being matched.
 */
final class JsIdct {
    private static final int COS1 = 4017; // cos(pi/16) * 4096
    private static final int SIN1 = 799;
    private static final int COS3 = 3406;
    private static final int SIN3 = 2276;
    private static final int COS6 = 1567;
    private static final int SIN6 = 3784;
    private static final int SQRT2 = 5793;
    private static final int SQRT1D2 = 2896;

    private JsIdct() {}

    /**
     * Dequantises {@code zz} (natural order) with {@code qt} and writes the 8x8 samples to {@code
     * out} at {@code offset}, rows {@code stride} apart. {@code p} is scratch of 64 ints.
     */
    static void inverse(int[] zz, int[] qt, int[] p, int[] out, int offset, int stride) {
        for (int i = 0; i < 64; i++) {
            p[i] = zz[i] * qt[i];
        }
        for (int i = 0; i < 8; i++) {
            pass(p, 8 * i, 1, 8, 128, 512, 10, 4);
        }
        for (int i = 0; i < 8; i++) {
            pass(p, i, 8, 12, 2048, 8192, 14, 0);
        }
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                int s = 128 + ((p[8 * r + c] + 8) >> 4);
                out[offset + r * stride + c] = s < 0 ? 0 : Math.min(s, 255);
            }
        }
    }

    /**
     * One 1-D pass over the 8 values at {@code base + k * step}: {@code shift}/{@code round} are
     * the fixed-point scale of the first stage (8/128 for rows, 12/2048 for columns), {@code
     * dcRound}/{@code dcShift} those of the DC-only shortcut, {@code oddShift} how far the odd
     * inputs 3 and 5 are raised (4 for rows, 0 for columns).
     */
    private static void pass(
            int[] p,
            int base,
            int step,
            int shift,
            int round,
            int dcRound,
            int dcShift,
            int oddShift) {
        boolean acZero = true;
        for (int k = 1; k < 8 && acZero; k++) {
            acZero = p[base + k * step] == 0;
        }
        if (acZero) {
            int t = (SQRT2 * p[base] + dcRound) >> dcShift;
            for (int k = 0; k < 8; k++) {
                p[base + k * step] = t;
            }
            return;
        }
        int v0 = (SQRT2 * p[base] + round) >> shift;
        int v1 = (SQRT2 * p[base + 4 * step] + round) >> shift;
        int v2 = p[base + 2 * step];
        int v3 = p[base + 6 * step];
        int v4 = (SQRT1D2 * (p[base + step] - p[base + 7 * step]) + round) >> shift;
        int v7 = (SQRT1D2 * (p[base + step] + p[base + 7 * step]) + round) >> shift;
        int v5 = p[base + 3 * step] << oddShift;
        int v6 = p[base + 5 * step] << oddShift;
        int t = (v0 - v1 + 1) >> 1;
        v0 = (v0 + v1 + 1) >> 1;
        v1 = t;
        t = (v2 * SIN6 + v3 * COS6 + round) >> shift;
        v2 = (v2 * COS6 - v3 * SIN6 + round) >> shift;
        v3 = t;
        t = (v4 - v6 + 1) >> 1;
        v4 = (v4 + v6 + 1) >> 1;
        v6 = t;
        t = (v7 + v5 + 1) >> 1;
        v5 = (v7 - v5 + 1) >> 1;
        v7 = t;
        t = (v0 - v3 + 1) >> 1;
        v0 = (v0 + v3 + 1) >> 1;
        v3 = t;
        t = (v1 - v2 + 1) >> 1;
        v1 = (v1 + v2 + 1) >> 1;
        v2 = t;
        t = (v4 * SIN3 + v7 * COS3 + 2048) >> 12;
        v4 = (v4 * COS3 - v7 * SIN3 + 2048) >> 12;
        v7 = t;
        t = (v5 * SIN1 + v6 * COS1 + 2048) >> 12;
        v5 = (v5 * COS1 - v6 * SIN1 + 2048) >> 12;
        v6 = t;
        p[base] = v0 + v7;
        p[base + 7 * step] = v0 - v7;
        p[base + step] = v1 + v6;
        p[base + 6 * step] = v1 - v6;
        p[base + 2 * step] = v2 + v5;
        p[base + 5 * step] = v2 - v5;
        p[base + 3 * step] = v3 + v4;
        p[base + 4 * step] = v3 - v4;
    }
}
