package io.dlkit.plugins.detector.darknet;

/**
 * Kernel layouts between Darknet ({@code [out, in, h, w]}) and TensorFlow's {@code Conv2D} ({@code
 * [h, w, in, out]}, HWIO). Batch-normalised Darknet convolutions have no bias of their own: the
 * file's "biases" are batch norm's beta, "scales" its gamma; Darknet normalises as {@code (x -
 * mean) / (sqrt(variance) + 1e-6)} (the epsilon outside the root) and its {@code leaky} has slope
 * 0.1.
 */
public final class DarknetTensors {
    /** Darknet's batch-norm epsilon, added to the standard deviation. */
    public static final float BN_EPSILON = 1e-6f;

    /** Darknet's leaky ReLU slope. */
    public static final float LEAKY_SLOPE = 0.1f;

    private DarknetTensors() {}

    /** A Darknet {@code [o, i, h, w]} kernel in TensorFlow's {@code [h, w, i, o]} order. */
    public static float[] oihwToHwio(float[] k, int o, int i, int h, int w) {
        checkLength(k, o, i, h, w);
        float[] out = new float[k.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[((y * w + x) * i + b) * o + a] = k[((a * i + b) * h + y) * w + x];
                    }
                }
            }
        }
        return out;
    }

    /** A TensorFlow {@code [h, w, i, o]} kernel in Darknet's {@code [o, i, h, w]} order. */
    public static float[] hwioToOihw(float[] k, int h, int w, int i, int o) {
        checkLength(k, o, i, h, w);
        float[] out = new float[k.length];
        for (int a = 0; a < o; a++) {
            for (int b = 0; b < i; b++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        out[((a * i + b) * h + y) * w + x] = k[((y * w + x) * i + b) * o + a];
                    }
                }
            }
        }
        return out;
    }

    private static void checkLength(float[] k, int o, int i, int h, int w) {
        if ((long) o * i * h * w != k.length) {
            throw new IllegalArgumentException(
                    "kernel has " + k.length + " values, not " + o + "x" + i + "x" + h + "x" + w);
        }
    }
}
