package io.dlkit.backend.nn;

/**
 * Direct nested-loop implementations of convolution and pooling over channels-last volumes, in
 * double precision, written from the definitions (the notes' "Padding", "Strided Convolutions",
 * "Convolutions Over Volume" and "Pooling Layers"), to check the TensorFlow layers against.
 *
 * <p>Padding is given as the number of zeros before the first row/column ({@code top}, {@code
 * left}) and the output size; positions outside the input read 0 (convolution) or are skipped
 * (pooling).
 */
final class ImageOracle {
    private ImageOracle() {}

    /** A volume {@code [m, h, w, c]} in row-major order. */
    record Volume(double[] data, int m, int h, int w, int c) {
        double at(int i, int y, int x, int k) {
            return data[((i * h + y) * w + x) * c + k];
        }

        boolean inside(int y, int x) {
            return y >= 0 && y < h && x >= 0 && x < w;
        }
    }

    /** Output size and zeros before, for one axis, from the padding rule written out by hand. */
    record Axis(int out, int before) {
        static Axis of(int n, int f, int s, Padding padding) {
            if (padding.mode().equals("same")) {
                int out = (n + s - 1) / s; // ceil(n / s)
                return new Axis(out, Math.max((out - 1) * s + f - n, 0) / 2);
            }
            int p = padding.amount();
            return new Axis((n + 2 * p - f) / s + 1, p); // floor((n + 2p - f) / s) + 1
        }
    }

    /**
     * {@code Z[i,y,x,k] = b[k] + sum_{u,v,c} A[i, y sh + u - top, x sw + v - left, c] W[u,v,c,k]}.
     */
    static Volume conv(
            Volume a,
            double[] kernel,
            double[] bias,
            int fh,
            int fw,
            int filters,
            Axis ah,
            Axis aw,
            int sh,
            int sw) {
        double[] out = new double[a.m() * ah.out() * aw.out() * filters];
        int o = 0;
        for (int i = 0; i < a.m(); i++) {
            for (int y = 0; y < ah.out(); y++) {
                for (int x = 0; x < aw.out(); x++) {
                    for (int k = 0; k < filters; k++) {
                        double z = bias == null ? 0 : bias[k];
                        for (int u = 0; u < fh; u++) {
                            for (int v = 0; v < fw; v++) {
                                int row = y * sh + u - ah.before();
                                int col = x * sw + v - aw.before();
                                if (!a.inside(row, col)) continue; // a padding zero
                                for (int c = 0; c < a.c(); c++) {
                                    int wIndex = ((u * fw + v) * a.c() + c) * filters + k;
                                    z += a.at(i, row, col, c) * kernel[wIndex];
                                }
                            }
                        }
                        out[o++] = z;
                    }
                }
            }
        }
        return new Volume(out, a.m(), ah.out(), aw.out(), filters);
    }

    /** Max or mean over each window's positions inside the input. */
    static Volume pool(Volume a, int f, int s, Axis ah, Axis aw, boolean max) {
        double[] out = new double[a.m() * ah.out() * aw.out() * a.c()];
        int o = 0;
        for (int i = 0; i < a.m(); i++) {
            for (int y = 0; y < ah.out(); y++) {
                for (int x = 0; x < aw.out(); x++) {
                    for (int c = 0; c < a.c(); c++) {
                        double best = Double.NEGATIVE_INFINITY;
                        double sum = 0;
                        int count = 0;
                        for (int u = 0; u < f; u++) {
                            for (int v = 0; v < f; v++) {
                                int row = y * s + u - ah.before();
                                int col = x * s + v - aw.before();
                                if (!a.inside(row, col)) continue;
                                best = Math.max(best, a.at(i, row, col, c));
                                sum += a.at(i, row, col, c);
                                count++;
                            }
                        }
                        out[o++] = max ? best : sum / count;
                    }
                }
            }
        }
        return new Volume(out, a.m(), ah.out(), aw.out(), a.c());
    }

    /** {@code n} distinct values {@code spacing} apart in a random order (no ties for max pool). */
    static float[] distinct(java.util.Random random, int n, double spacing) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) ((i - n / 2.0) * spacing);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
