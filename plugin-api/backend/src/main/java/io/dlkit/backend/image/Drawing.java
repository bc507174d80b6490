package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Locale;

/**
 * Draws detection boxes and landmark points onto a copy of an {@link Image}, for {@code dlkit
 * detect}-style outputs. Each label gets a stable colour from a fixed palette; a box gets an
 * outline and a filled tag with its label and score, in black or white, whichever reads better on
 * the tag colour. Line width, point size and text size grow with the image: 2 px lines up to 640
 * px, thicker above.
 *
 * <p>Grey images come back as RGB (the marks are coloured); RGBA stays RGBA. Pixels that no mark
 * touches keep their exact float values. Uses {@code java.awt} off-screen only: it works with
 * {@code java.awt.headless=true} and changes no global state.
 *
 * <pre>{@code
 * Image marked = Drawing.drawBoxes(img, List.of(new Box(40, 30, 200, 180, "car", 0.91f)));
 * Images.write(Path.of("out/street-detected.png"), marked);
 * }</pre>
 */
public final class Drawing {
    // Matplotlib's "tab10" followed by two more, bright enough to stand out on photographs.
    private static final int[] PALETTE = {
        0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B,
        0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF, 0xFFD700, 0x00FF7F
    };

    private Drawing() {}

    /**
     * A copy of {@code image} with each box drawn: a coloured outline inside the box's edges and a
     * tag with {@code "label 0.91"} just above it (inside it when the box touches the top). A box
     * with a class id but no label is named {@code "class 16"}; the colour follows the name.
     */
    public static Image drawBoxes(Image image, List<Box> boxes) {
        requireNonNull(image, "image is null");
        requireNonNull(boxes, "boxes is null");
        Overlay overlay = new Overlay(image);
        Graphics2D g = overlay.graphics();
        try {
            boxes.forEach(b -> drawBox(overlay, g, b));
        } finally {
            g.dispose();
        }
        return overlay.compositeOnto(image);
    }

    /**
     * A copy of {@code image} with each point drawn as a filled dot, {@link
     * #defaultPointRadius(Image)} in size and in its label's colour, with its label beside it.
     */
    public static Image drawPoints(Image image, List<Point> points) {
        requireNonNull(image, "image is null");
        return drawPoints(image, points, defaultPointRadius(image), null);
    }

    /**
     * A copy of {@code image} with each point drawn as a filled dot of {@code radius} pixels, in
     * {@code color} (or, when it is null, its label's colour), with its label beside it on a tag.
     *
     * @throws IllegalArgumentException if {@code radius} is not in (0, 1000]
     */
    public static Image drawPoints(Image image, List<Point> points, float radius, Color color) {
        requireNonNull(image, "image is null");
        requireNonNull(points, "points is null");
        if (!(radius > 0 && radius <= 1000)) {
            throw new IllegalArgumentException(
                    "point radius must be above 0 and at most 1000 pixels, got " + radius);
        }
        Overlay overlay = new Overlay(image);
        Graphics2D g = overlay.graphics();
        try {
            points.forEach(
                    p ->
                            drawPoint(
                                    overlay,
                                    g,
                                    p,
                                    radius,
                                    color == null ? colorFor(p.label()) : color));
        } finally {
            g.dispose();
        }
        return overlay.compositeOnto(image);
    }

    /** The dot radius {@link #drawPoints(Image, List)} uses: 2 pixels, more above 320 pixels. */
    public static float defaultPointRadius(Image image) {
        return Overlay.pointRadius(image.width(), image.height());
    }

    /**
     * The colour of a label: always the same for the same label, in every run and JVM ({@link
     * String#hashCode()} is specified by Java), chosen from a fixed palette of 12.
     */
    public static Color colorFor(String label) {
        requireNonNull(label, "label is null");
        return new Color(PALETTE[Math.floorMod(label.hashCode(), PALETTE.length)]);
    }

    private static void drawBox(Overlay o, Graphics2D g, Box b) {
        int x1 = clamp(Math.round(b.x1()), o.width);
        int y1 = clamp(Math.round(b.y1()), o.height);
        int x2 = clamp(Math.round(b.x2()), o.width);
        int y2 = clamp(Math.round(b.y2()), o.height);
        int t = o.lineWidth;
        int w = Math.max(x2 - x1, t);
        int h = Math.max(y2 - y1, t);
        Color color = colorFor(className(b));
        g.setColor(color);
        g.fillRect(x1, y1, w, t);
        g.fillRect(x1, y1 + h - t, w, t);
        g.fillRect(x1, y1, t, h);
        g.fillRect(x1 + w - t, y1, t, h);
        o.tag(g, tagText(b), color, x1, y1, true);
    }

    private static void drawPoint(Overlay o, Graphics2D g, Point p, float r, Color color) {
        g.setColor(color);
        g.fill(new Ellipse2D.Float(p.x() - r, p.y() - r, 2 * r, 2 * r));
        o.tag(g, p.label(), color, Math.round(p.x() + r + 1), Math.round(p.y()), false);
    }

    /** The tag of a box: its class name and its score with two decimals, each when known. */
    static String tagText(Box b) {
        String name = className(b);
        if (Float.isNaN(b.score())) {
            return name;
        }
        String score = String.format(Locale.ROOT, "%.2f", b.score());
        return name.isEmpty() ? score : name + " " + score;
    }

    private static String className(Box b) {
        return !b.label().isEmpty() || b.classId() < 0 ? b.label() : "class " + b.classId();
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }
}
