package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.BoundingBox;

/**
 * One labelled object of an image.
 *
 * @param classId the class index into {@link LabelSet#classNames()}
 * @param box the box in corner form as fractions of the image's width and height
 * @param difficult marked difficult (Pascal VOC) or a crowd region (COCO): evaluation neither
 *     rewards nor penalises detecting it
 */
public record LabeledBox(int classId, BoundingBox box, boolean difficult) {
    /** Validates the label. */
    public LabeledBox {
        requireNonNull(box, "box is null");
        if (classId < 0) {
            throw new IllegalArgumentException("classId must be >= 0, got " + classId);
        }
    }

    /** A plain (not difficult) label. */
    public LabeledBox(int classId, BoundingBox box) {
        this(classId, box, false);
    }
}
