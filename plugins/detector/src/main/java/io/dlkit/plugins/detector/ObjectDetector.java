package io.dlkit.plugins.detector;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import java.util.List;

/**
 * A detector opened once and run on many images: a pretrained COCO-80 graph (NanoDet, CenterNet), a
 * YOLO model directory, or another detection method. {@code dlkit detect} and the {@code
 * detector/detect} step work through it.
 */
public interface ObjectDetector {
    /** The detections in {@code image} (RGB, values in [0, 1]), in its pixels, best first. */
    List<Detection> detect(Image image, NmsOptions options);

    /** The class names, index = class id. */
    List<String> classNames();

    /** The category id written to COCO results for {@code classId} ({@code classId + 1}). */
    default int categoryId(int classId) {
        return classId + 1;
    }
}
