package io.dlkit.plugins.detector.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart as PNG bytes (training curves, precision-recall curves): named series of (x,
 * y) points on linear axes with ticks, a title and a legend. Plain Java2D, no dependency.
 */
public final class LinePlot {
    private static final Color[] COLOURS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127)
    };
    private static final int W = 720;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private double[] yRange;
    private double[] xRange;

    /** A chart with a title and axis labels. */
    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    private record Series(String name, double[] x, double[] y) {}

    /** Adds a series (non-finite points are skipped). */
    public LinePlot add(String name, double[] x, double[] y) {
        series.add(new Series(name, x.clone(), y.clone()));
        return this;
    }

    /** Fixes the y axis (e.g. [0, 1] for precision); otherwise it fits the data. */
    public LinePlot yRange(double low, double high) {
        yRange = new double[] {low, high};
        return this;
    }

    /** Fixes the x axis (e.g. [0, 1] for recall); otherwise it fits the data. */
    public LinePlot xRange(double low, double high) {
        xRange = new double[] {low, high};
        return this;
    }

    /** The chart as PNG bytes. */
    public byte[] png() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double[] xr = xRange != null ? xRange : range(true);
        double[] yr = yRange != null ? yRange : range(false);
        axes(g, xr, yr);
        for (int s = 0; s < series.size(); s++) {
            Series se = series.get(s);
            g.setColor(COLOURS[s % COLOURS.length]);
            g.setStroke(new BasicStroke(2f));
            int px = -1;
            int py = -1;
            for (int i = 0; i < se.x().length; i++) {
                if (!Double.isFinite(se.x()[i]) || !Double.isFinite(se.y()[i])) continue;
                int cx = sx(se.x()[i], xr);
                int cy = sy(se.y()[i], yr);
                if (px >= 0) g.drawLine(px, py, cx, cy);
                else g.fillOval(cx - 2, cy - 2, 4, 4);
                px = cx;
                py = cy;
            }
        }
        legend(g);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void legend(Graphics2D g) {
        g.setColor(new Color(255, 255, 255, 230));
        g.fillRect(W - RIGHT - 176, TOP + 2, 170, 18 * series.size() + 6);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int s = 0; s < series.size(); s++) {
            g.setColor(COLOURS[s % COLOURS.length]);
            g.fillRect(W - RIGHT - 170, TOP + 8 + 18 * s, 14, 4);
            g.setColor(Color.BLACK);
            g.drawString(series.get(s).name(), W - RIGHT - 150, TOP + 14 + 18 * s);
        }
    }

    private void axes(Graphics2D g, double[] xr, double[] yr) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, LEFT, TOP - 15);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        for (int t = 0; t <= 5; t++) {
            double xv = xr[0] + (xr[1] - xr[0]) * t / 5;
            double yv = yr[0] + (yr[1] - yr[0]) * t / 5;
            int x = sx(xv, xr);
            int y = sy(yv, yr);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(x, TOP + 1, x, H - BOTTOM - 1);
            g.drawLine(LEFT + 1, y, W - RIGHT - 1, y);
            g.setColor(Color.BLACK);
            g.drawString(tick(xv), x - 12, H - BOTTOM + 16);
            g.drawString(tick(yv), 8, y + 4);
        }
        g.drawString(xLabel, LEFT + (W - LEFT - RIGHT) / 2 - 20, H - 12);
        g.drawString(yLabel, 8, TOP - 4);
    }

    private static String tick(double v) {
        return Math.abs(v) >= 100 || v == Math.rint(v)
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    private double[] range(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : x ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!Double.isFinite(lo)) return new double[] {0, 1};
        if (!x) lo = Math.min(lo, 0);
        if (hi <= lo) hi = lo + 1;
        return new double[] {lo, hi};
    }

    private static int sx(double v, double[] r) {
        return LEFT + (int) Math.round((v - r[0]) / (r[1] - r[0]) * (W - LEFT - RIGHT));
    }

    private static int sy(double v, double[] r) {
        return H - BOTTOM - (int) Math.round((v - r[0]) / (r[1] - r[0]) * (H - TOP - BOTTOM));
    }
}
