package io.dlkit.backend.image;

/**
 * Bilinear resizing with half-pixel centres, computed in float exactly as TensorFlow's CPU kernel
 * for {@code ResizeBilinear(halfPixelCenters=true, alignCorners=false)} does.
 */
final class Bilinear {
    private Bilinear() {}

    static Image resize(Image src, int outH, int outW) {
        int c = src.channels();
        int inW = src.width();
        int[] y0 = new int[outH];
        int[] y1 = new int[outH];
        float[] yLerp = weights(src.height(), outH, y0, y1);
        int[] x0 = new int[outW];
        int[] x1 = new int[outW];
        float[] xLerp = weights(inW, outW, x0, x1);
        float[] in = src.raw();
        float[] out = new float[outH * outW * c];
        for (int y = 0; y < outH; y++) {
            int top = y0[y] * inW;
            int bottom = y1[y] * inW;
            for (int x = 0; x < outW; x++) {
                for (int k = 0; k < c; k++) {
                    float t = lerp(in[(top + x0[x]) * c + k], in[(top + x1[x]) * c + k], xLerp[x]);
                    float b =
                            lerp(
                                    in[(bottom + x0[x]) * c + k],
                                    in[(bottom + x1[x]) * c + k],
                                    xLerp[x]);
                    out[(y * outW + x) * c + k] = lerp(t, b, yLerp[y]);
                }
            }
        }
        return new Image(out, outH, outW, c);
    }

    /**
     * For each output index i the source position is {@code (i + 0.5) * in / out - 0.5}; fills the
     * two neighbouring source indices (clamped to the image) and returns the fractional weights.
     */
    private static float[] weights(int inSize, int outSize, int[] lower, int[] upper) {
        float scale = inSize / (float) outSize;
        float[] lerp = new float[outSize];
        for (int i = 0; i < outSize; i++) {
            float pos = (i + 0.5f) * scale - 0.5f;
            float floor = (float) Math.floor(pos);
            lower[i] = Math.max((int) floor, 0);
            upper[i] = Math.min((int) Math.ceil(pos), inSize - 1);
            lerp[i] = pos - floor;
        }
        return lerp;
    }

    private static float lerp(float a, float b, float t) {
        return a + (b - a) * t;
    }
}
