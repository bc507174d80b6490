package io.dlkit.plugins.detector.boxes;

import static java.util.Objects.requireNonNull;

/**
 * One detected object: its box, the index of its class and its score (for YOLO, {@code p_c x c_i}:
 * objectness times the class probability).
 */
public record Detection(BoundingBox box, int classId, float score) {
    /** Validates the detection. */
    public Detection {
        requireNonNull(box, "box is null");
        if (classId < 0) {
            throw new IllegalArgumentException("classId must be >= 0, got " + classId);
        }
    }
}
