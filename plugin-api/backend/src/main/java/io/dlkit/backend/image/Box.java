package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

/**
 * An axis-aligned box in pixel coordinates of the image it is drawn on: {@code (x1, y1)} is the
 * top-left corner, {@code (x2, y2)} the bottom-right, x to the right and y down.
 *
 * @param label the class name shown in the box's tag; empty for none
 * @param score the confidence shown after the label with two decimals; {@code Float.NaN} for none
 */
public record Box(float x1, float y1, float x2, float y2, String label, float score) {
    /**
     * Validates the box.
     *
     * @throws IllegalArgumentException if a coordinate is not finite or the corners are swapped
     */
    public Box {
        requireNonNull(label, "label is null");
        if (!Float.isFinite(x1 + y1 + x2 + y2) || x2 < x1 || y2 < y1) {
            throw new IllegalArgumentException(
                    "box corners must be finite with x1 <= x2 and y1 <= y2,"
                            + " got ("
                            + x1
                            + ", "
                            + y1
                            + ", "
                            + x2
                            + ", "
                            + y2
                            + ") for '"
                            + label
                            + "'");
        }
    }
}
