package io.dlkit.backend.data;

/** 8-bit pixel values to floats in [0, 1], through a 256-entry table. */
final class Pixels {
    private static final float[] SCALE = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            SCALE[i] = i / 255f;
        }
    }

    private Pixels() {}

    /** {@code n} unsigned bytes from {@code raw[offset..]} as {@code value / 255}. */
    static float[] fromUnsignedBytes(byte[] raw, int offset, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = SCALE[raw[offset + i] & 0xFF];
        }
        return out;
    }

    /** Values 0..255 as {@code value / 255}. */
    static float[] fromInts(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = SCALE[values[i]];
        }
        return out;
    }
}
