package io.dlkit.plugins.detector.boxes;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Box;
import java.util.ArrayList;
import java.util.List;

/** Turns detections into the backend's drawable {@link Box}es. */
public final class Detections {
    private Detections() {}

    /**
     * One {@link Box} per detection, labelled with its class name (or its index when {@code
     * classNames} has none for it) and score; boxes must already be in pixels of the image drawn
     * on, with corners in order.
     */
    public static List<Box> toImageBoxes(List<Detection> detections, List<String> classNames) {
        requireNonNull(detections, "detections is null");
        requireNonNull(classNames, "classNames is null");
        List<Box> out = new ArrayList<>(detections.size());
        for (Detection d : detections) {
            String label =
                    d.classId() < classNames.size()
                            ? classNames.get(d.classId())
                            : String.valueOf(d.classId());
            BoundingBox b = d.box();
            out.add(new Box(b.x1(), b.y1(), b.x2(), b.y2(), label, d.score()));
        }
        return out;
    }
}
