package io.dlkit.plugins.detector.synthetic;

import java.util.Locale;

/** The kinds of shape the synthetic set draws; the ordinal is the class index. */
public enum Shape {
    /** A filled disc touching its box's four sides. */
    CIRCLE,
    /** A filled square filling its box. */
    SQUARE,
    /** A filled triangle: apex at the top middle of its box, base along the bottom. */
    TRIANGLE;

    /** The class name: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the pixel centre {@code (px + 0.5, py + 0.5)}, relative to the box's top-left corner,
     * is inside a shape of side {@code s}.
     */
    boolean covers(int px, int py, int s) {
        double x = px + 0.5;
        double y = py + 0.5;
        return switch (this) {
            case SQUARE -> true;
            case CIRCLE -> {
                double dx = x - s / 2.0;
                double dy = y - s / 2.0;
                yield dx * dx + dy * dy <= s * s / 4.0;
            }
            // within the two slanted edges from (s/2, 0) to (0, s) and (s, s)
            case TRIANGLE -> Math.abs(x - s / 2.0) <= y / 2.0;
        };
    }
}
