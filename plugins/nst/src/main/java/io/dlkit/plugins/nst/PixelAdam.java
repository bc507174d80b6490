package io.dlkit.plugins.nst;

/**
 * Adam on the generated image's pixels, clipped to [0, 255] after each step: {@code m = b1 m + (1 -
 * b1) g}, {@code v = b2 v + (1 - b2) g^2}, {@code x -= lr * m_hat / (sqrt(v_hat) + eps)} with
 * {@code m_hat = m / (1 - b1^t)} and {@code v_hat = v / (1 - b2^t)} (Kingma and Ba, as the
 * optimizers plugin's Adam, b1 0.9, b2 0.999, eps 1e-8). The pixels are fed to the loss network
 * each step (its imported graph takes them through a placeholder), so the update runs here.
 */
final class PixelAdam {
    static final float MAX_PIXEL = 255f;
    private static final double B1 = 0.9;
    private static final double B2 = 0.999;
    private static final double EPS = 1e-8;

    private final float lr;
    private final float[] m;
    private final float[] v;
    private int t;

    PixelAdam(float lr, int size) {
        if (!(lr > 0)) throw new IllegalArgumentException("--lr must be > 0, got " + lr);
        this.lr = lr;
        this.m = new float[size];
        this.v = new float[size];
    }

    /** One step on {@code x} in place with gradient {@code g}. */
    void step(float[] x, float[] g) {
        t++;
        double c1 = 1 - Math.pow(B1, t);
        double c2 = 1 - Math.pow(B2, t);
        for (int i = 0; i < x.length; i++) {
            m[i] = (float) (B1 * m[i] + (1 - B1) * g[i]);
            v[i] = (float) (B2 * v[i] + (1 - B2) * g[i] * g[i]);
            double update = lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPS);
            x[i] = (float) Math.min(MAX_PIXEL, Math.max(0, x[i] - update));
        }
    }
}
