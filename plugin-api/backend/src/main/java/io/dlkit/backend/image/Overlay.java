package io.dlkit.backend.image;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A transparent ARGB layer the size of an image: marks are drawn on it with java.awt, then
 * alpha-blended onto a float copy of the image, so untouched pixels keep their exact values.
 */
final class Overlay {
    final int width;
    final int height;
    final int lineWidth;
    private final int fontSize;
    private final BufferedImage layer;

    Overlay(Image image) {
        this.width = image.width();
        this.height = image.height();
        int size = Math.max(width, height);
        this.lineWidth = Math.max(2, Math.round(size / 320f));
        this.fontSize = Math.max(10, Math.round(size / 40f));
        this.layer = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    }

    /** The default dot radius on an image of this size: 2 pixels, more above 320 pixels. */
    static float pointRadius(int width, int height) {
        return Math.max(2f, Math.max(width, height) / 160f);
    }

    Graphics2D graphics() {
        Graphics2D g = layer.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        return g;
    }

    /**
     * Draws {@code text} on a filled tag of {@code color} at left {@code x}; {@code above} puts the
     * tag's bottom at {@code y} (or its top, if there is no room above), otherwise centres it on
     * {@code y}. The tag is kept inside the image.
     */
    void tag(Graphics2D g, String text, Color color, int x, int y, boolean above) {
        if (text.isEmpty()) {
            return;
        }
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
            FontMetrics fm = g.getFontMetrics();
            int pad = Math.max(1, fontSize / 5);
            int w = fm.stringWidth(text) + 2 * pad;
            int h = fm.getAscent() + fm.getDescent();
            int top = above ? (y - h >= 0 ? y - h : y) : y - h / 2;
            top = Math.max(0, Math.min(top, height - h));
            int left = Math.max(0, Math.min(x, width - w));
            g.setColor(color);
            g.fillRect(left, top, w, h);
            g.setColor(contrastingText(color));
            g.drawString(text, left + pad, top + fm.getAscent());
        } catch (RuntimeException | LinkageError | InternalError e) {
            // A JRE without fontconfig or fonts fails here in one of these ways.
            throw new IllegalStateException(
                    "cannot draw label text: this Java runtime has no usable"
                            + " font ("
                            + e
                            + "); install fontconfig and a font, e.g."
                            + " apt-get install fontconfig fonts-dejavu-core",
                    e);
        }
    }

    /** Alpha-blends the layer over a copy of {@code base} made RGB (or kept RGBA). */
    Image compositeOnto(Image base) {
        int c = base.channels() == 4 ? 4 : 3;
        float[] out = Images.convert(base, c).data();
        int[] argb = layer.getRGB(0, 0, width, height, null, 0, width);
        for (int p = 0; p < argb.length; p++) {
            float a = (argb[p] >>> 24) / 255f;
            if (a == 0f) {
                continue;
            }
            int i = p * c;
            out[i] = out[i] * (1 - a) + ((argb[p] >> 16) & 0xFF) / 255f * a;
            out[i + 1] = out[i + 1] * (1 - a) + ((argb[p] >> 8) & 0xFF) / 255f * a;
            out[i + 2] = out[i + 2] * (1 - a) + (argb[p] & 0xFF) / 255f * a;
            if (c == 4) {
                out[i + 3] = a + out[i + 3] * (1 - a);
            }
        }
        return new Image(out, height, width, c);
    }

    /** Black on light colours, white on dark ones, by BT.601 luma. */
    static Color contrastingText(Color background) {
        double luma =
                0.299 * background.getRed()
                        + 0.587 * background.getGreen()
                        + 0.114 * background.getBlue();
        return luma > 140 ? Color.BLACK : Color.WHITE;
    }
}
