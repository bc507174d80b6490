package io.dlkit.plugins.embeddings.tsne;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A labelled scatter plot of 2-D points, drawn with java.awt into an image and written as PNG:
 * white background, a dot per point and its label beside it, a title. No library needed.
 */
public final class ScatterPlot {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final Color DOT = new Color(0x1f77b4);
    private static final Color LABEL = new Color(0x333333);
    private static final int MARGIN = 60;

    private ScatterPlot() {}

    /** Draws {@code labels} at {@code xy} (n x 2 row-major) in a {@code width x height} image. */
    public static BufferedImage draw(
            double[] xy, List<String> labels, String title, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.LIGHT_GRAY);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(MARGIN / 2, MARGIN, width - MARGIN, height - MARGIN * 3 / 2);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
            g.drawString(title, MARGIN / 2, MARGIN * 2 / 3);
            points(g, xy, labels, width, height);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void points(
            Graphics2D g, double[] xy, List<String> labels, int width, int height) {
        int n = labels.size();
        double[] box = bounds(xy, n);
        double sx = (width - 2.0 * MARGIN) / Math.max(box[2] - box[0], 1e-12);
        double sy = (height - 2.5 * MARGIN) / Math.max(box[3] - box[1], 1e-12);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i < n; i++) {
            int px = (int) Math.round(MARGIN + (xy[2 * i] - box[0]) * sx);
            int py =
                    (int) Math.round(height - MARGIN + 0.0 - (xy[2 * i + 1] - box[1]) * sy)
                            - MARGIN / 4;
            g.setColor(DOT);
            g.fillOval(px - 3, py - 3, 6, 6);
            g.setColor(LABEL);
            g.drawString(labels.get(i), px + 5, py + 4);
        }
    }

    /** {minX, minY, maxX, maxY}. */
    private static double[] bounds(double[] xy, int n) {
        double[] b = {
            Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY
        };
        for (int i = 0; i < n; i++) {
            b[0] = Math.min(b[0], xy[2 * i]);
            b[1] = Math.min(b[1], xy[2 * i + 1]);
            b[2] = Math.max(b[2], xy[2 * i]);
            b[3] = Math.max(b[3], xy[2 * i + 1]);
        }
        return b;
    }

    /** Writes {@code image} as PNG. */
    public static void writePng(BufferedImage image, OutputStream out) throws IOException {
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
        out.flush();
    }
}
