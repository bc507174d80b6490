package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

/**
 * A point in pixel coordinates of the image it is drawn on (x to the right, y down), such as a face
 * landmark.
 *
 * @param label the name shown next to the point; empty for none
 */
public record Point(float x, float y, String label) {
    /**
     * Validates the point.
     *
     * @throws IllegalArgumentException if a coordinate is not finite
     */
    public Point {
        requireNonNull(label, "label is null");
        if (!Float.isFinite(x) || !Float.isFinite(y)) {
            throw new IllegalArgumentException(
                    "point coordinates must be finite, got ("
                            + x
                            + ", "
                            + y
                            + ") for '"
                            + label
                            + "'");
        }
    }
}
