package io.dlkit.plugins.detector.boxes;

/**
 * The settings of {@link NonMaxSuppression}.
 *
 * @param scoreThreshold boxes with a score below it are discarded first (the notes use 0.6; {@code
 *     dlkit detect} defaults to 0.25)
 * @param iouThreshold a box whose IoU with an already kept box is above it is suppressed (0.5 in
 *     the notes, 0.45 for {@code dlkit detect})
 * @param maxDetections at most this many boxes are kept, the highest scores first
 * @param classAgnostic suppress across classes (one box per object whatever its class) instead of
 *     within each class
 */
public record NmsOptions(
        float scoreThreshold, float iouThreshold, int maxDetections, boolean classAgnostic) {
    /** The defaults of {@code dlkit detect}: score 0.25, IoU 0.45, 300 boxes, per class. */
    public static final NmsOptions DEFAULTS = new NmsOptions(0.25f, 0.45f, 300, false);

    /** Validates the ranges. */
    public NmsOptions {
        if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
            throw new IllegalArgumentException(
                    "iouThreshold must be in [0, 1], got " + iouThreshold);
        }
        if (Float.isNaN(scoreThreshold)) {
            throw new IllegalArgumentException("scoreThreshold must be a number, got NaN");
        }
        if (maxDetections < 1) {
            throw new IllegalArgumentException("maxDetections must be >= 1, got " + maxDetections);
        }
    }

    /** These options with another score threshold. */
    public NmsOptions withScoreThreshold(float score) {
        return new NmsOptions(score, iouThreshold, maxDetections, classAgnostic);
    }

    /** These options with another IoU threshold. */
    public NmsOptions withIouThreshold(float iou) {
        return new NmsOptions(scoreThreshold, iou, maxDetections, classAgnostic);
    }

    /** These options with another maximum number of detections. */
    public NmsOptions withMaxDetections(int max) {
        return new NmsOptions(scoreThreshold, iouThreshold, max, classAgnostic);
    }

    /** These options, suppressing across classes or not. */
    public NmsOptions withClassAgnostic(boolean agnostic) {
        return new NmsOptions(scoreThreshold, iouThreshold, maxDetections, agnostic);
    }
}
