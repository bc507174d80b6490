package io.dlkit.plugins.face.train;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A small line chart drawn with java.awt and written as PNG: a title, axes with their ranges and
 * labels, one coloured line per series with a legend. For training curves and ROC curves; no
 * library needed.
 */
public final class LinePlot {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color[] COLORS = {
        new Color(0x1f77b4),
        new Color(0xd62728),
        new Color(0x2ca02c),
        new Color(0xff7f0e),
        new Color(0x9467bd),
        new Color(0x8c564b)
    };
    private static final int W = 640;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int TOP = 50;
    private static final int RIGHT = 20;
    private static final int BOTTOM = 50;

    /**
     * One line.
     *
     * @param name the legend entry
     * @param x the x values
     * @param y the y values (NaN points are skipped)
     */
    public record Series(String name, double[] x, double[] y) {}

    private LinePlot() {}

    /**
     * Draws the series in the box {@code [x0, x1] x [y0, y1]} and writes the PNG to {@code out}.
     */
    public static void write(
            OutputStream out,
            String title,
            String xLabel,
            String yLabel,
            List<Series> series,
            double[] box)
            throws IOException {
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, W, H);
            axes(g, title, xLabel, yLabel, box);
            for (int i = 0; i < series.size(); i++) {
                line(g, series.get(i), box, COLORS[i % COLORS.length]);
                g.drawString(series.get(i).name(), W - RIGHT - 150, TOP + 20 + 16 * i);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", out);
    }

    /** The box {@code {minX, maxX, minY, maxY}} around every finite point, padded a little. */
    public static double[] bounds(List<Series> series) {
        double[] b = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) continue;
                b[0] = Math.min(b[0], s.x()[i]);
                b[1] = Math.max(b[1], s.x()[i]);
                b[2] = Math.min(b[2], s.y()[i]);
                b[3] = Math.max(b[3], s.y()[i]);
            }
        }
        if (b[0] > b[1]) return new double[] {0, 1, 0, 1};
        if (b[1] - b[0] < 1e-9) b[1] = b[0] + 1;
        double pad = Math.max(b[3] - b[2], 1e-6) * 0.05;
        return new double[] {b[0], b[1], b[2] - pad, b[3] + pad};
    }

    private static void axes(Graphics2D g, String title, String xl, String yl, double[] box) {
        g.setColor(Color.LIGHT_GRAY);
        g.drawRect(LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, TOP - 20);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(xl, W / 2 - 40, H - 12);
        g.drawString(yl, 8, TOP - 6);
        g.drawString(num(box[0]), LEFT, H - BOTTOM + 16);
        g.drawString(num(box[1]), W - RIGHT - 40, H - BOTTOM + 16);
        g.drawString(num(box[2]), 8, H - BOTTOM);
        g.drawString(num(box[3]), 8, TOP + 12);
    }

    private static void line(Graphics2D g, Series s, double[] box, Color color) {
        g.setColor(color);
        g.setStroke(new BasicStroke(2f));
        int px = -1;
        int py = -1;
        for (int i = 0; i < s.x().length; i++) {
            if (!Double.isFinite(s.y()[i])) continue;
            int x = LEFT + (int) Math.round((s.x()[i] - box[0]) / (box[1] - box[0]) * plotW());
            int y =
                    H
                            - BOTTOM
                            - (int) Math.round((s.y()[i] - box[2]) / (box[3] - box[2]) * plotH());
            if (px >= 0) g.drawLine(px, py, x, y);
            else g.fillOval(x - 2, y - 2, 4, 4);
            px = x;
            py = y;
        }
    }

    private static int plotW() {
        return W - LEFT - RIGHT;
    }

    private static int plotH() {
        return H - TOP - BOTTOM;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
