package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

/**
 * An axis-aligned box in pixel coordinates of the image it is drawn on: {@code (x1, y1)} is the
 * top-left corner, {@code (x2, y2)} the bottom-right, x to the right and y down.
 *
 * @param label the class name shown in the box's tag; empty for none
 * @param score the confidence shown after the label with two decimals; {@code Float.NaN} for none
 * @param classId the index of the class in the detector's class list; -1 when unknown
 */
public record Box(float x1, float y1, float x2, float y2, String label, float score, int classId) {
    /**
     * Validates the box.
     *
     * @throws IllegalArgumentException if a coordinate is not finite, the corners are swapped or
     *     the class id is below -1
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
        if (classId < -1) {
            throw new IllegalArgumentException(
                    "class id must be >= 0, or -1 for unknown, got " + classId);
        }
    }

    /** A box whose class id is unknown (-1). */
    public Box(float x1, float y1, float x2, float y2, String label, float score) {
        this(x1, y1, x2, y2, label, score, -1);
    }
}
