package io.dlkit.plugins.nst;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A PNG of the costs per iteration on a log scale: total (black), content (blue), style (red), each
 * curve scaled between its own minimum and maximum so that all three show their fall.
 */
final class CostPlot {
    private static final int W = 640;
    private static final int H = 360;
    private static final int MARGIN = 20;
    private static final float[][] COLORS = {{0, 0, 0}, {0.1f, 0.3f, 0.9f}, {0.9f, 0.1f, 0.1f}};

    private CostPlot() {}

    static void write(Path file, List<StyleTransfer.Costs> costs) throws IOException {
        float[] px = new float[W * H * 3];
        Arrays.fill(px, 1f);
        line(px, MARGIN, H - MARGIN, W - MARGIN, H - MARGIN, new float[] {0.5f, 0.5f, 0.5f});
        line(px, MARGIN, MARGIN, MARGIN, H - MARGIN, new float[] {0.5f, 0.5f, 0.5f});
        for (int k = 0; k < 3; k++) curve(px, costs, k);
        Images.write(file, new Image(px, H, W, 3));
    }

    private static void curve(float[] px, List<StyleTransfer.Costs> costs, int k) {
        int n = costs.size();
        if (n < 2) return;
        double[] y = new double[n];
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            StyleTransfer.Costs c = costs.get(i);
            float v = k == 0 ? c.total() : k == 1 ? c.content() : c.style();
            y[i] = Math.log10(Math.max(v, 1e-12));
            lo = Math.min(lo, y[i]);
            hi = Math.max(hi, y[i]);
        }
        double span = Math.max(hi - lo, 1e-9);
        int plotW = W - 2 * MARGIN;
        int plotH = H - 2 * MARGIN;
        for (int i = 1; i < n; i++) {
            int x0 = MARGIN + (i - 1) * plotW / (n - 1);
            int x1 = MARGIN + i * plotW / (n - 1);
            int y0 = H - MARGIN - (int) ((y[i - 1] - lo) / span * plotH);
            int y1 = H - MARGIN - (int) ((y[i] - lo) / span * plotH);
            line(px, x0, y0, x1, y1, COLORS[k]);
        }
    }

    private static void line(float[] px, int x0, int y0, int x1, int y1, float[] rgb) {
        int steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0)) + 1;
        for (int s = 0; s <= steps; s++) {
            int x = x0 + (x1 - x0) * s / steps;
            int y = y0 + (y1 - y0) * s / steps;
            if (x < 0 || y < 0 || x >= W || y >= H) continue;
            System.arraycopy(rgb, 0, px, (y * W + x) * 3, 3);
        }
    }
}
