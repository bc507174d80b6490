package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The labels of one image.
 *
 * @param id the image's number: the COCO {@code image_id}, or its position in a folder
 * @param image the image file name (COCO {@code file_name}, VOC {@code filename}) or, for YOLO
 *     labels, the label file's name without {@code .txt}
 * @param width the image width in pixels, 0 when the label format does not say (YOLO txt)
 * @param height the image height in pixels, 0 when unknown
 * @param objects the labelled objects, in file order
 */
public record LabeledImage(long id, String image, int width, int height, List<LabeledBox> objects) {
    /** Copies the list. */
    public LabeledImage {
        requireNonNull(image, "image is null");
        objects = List.copyOf(objects);
    }
}
