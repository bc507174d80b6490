package io.dlkit.plugins.nst;

/**
 * Keeps the content image's colours (luminance-only transfer): the result takes the generated
 * image's luminance Y and the content image's chroma I, Q (YIQ, NTSC weights).
 */
final class ColorTransfer {
    private ColorTransfer() {}

    /** A new HWC RGB image: Y of {@code generated}, I and Q of {@code content}. */
    static float[] preserveColors(float[] generated, float[] content) {
        float[] out = new float[generated.length];
        for (int p = 0; p < generated.length; p += 3) {
            float y = luma(generated, p);
            float i = 0.596f * content[p] - 0.274f * content[p + 1] - 0.322f * content[p + 2];
            float q = 0.211f * content[p] - 0.523f * content[p + 1] + 0.312f * content[p + 2];
            out[p] = clip(y + 0.956f * i + 0.621f * q);
            out[p + 1] = clip(y - 0.272f * i - 0.647f * q);
            out[p + 2] = clip(y - 1.106f * i + 1.703f * q);
        }
        return out;
    }

    static float luma(float[] rgb, int p) {
        return 0.299f * rgb[p] + 0.587f * rgb[p + 1] + 0.114f * rgb[p + 2];
    }

    private static float clip(float v) {
        return Math.min(PixelUpdate.MAX_PIXEL, Math.max(0, v));
    }
}
