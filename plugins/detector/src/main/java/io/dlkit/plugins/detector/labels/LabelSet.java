package io.dlkit.plugins.detector.labels;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A data set's labels: the class names and one record per image.
 *
 * @param classNames class index to name
 * @param categoryIds class index to the id written in COCO files (COCO's own category ids when read
 *     from COCO, else {@code 1..n})
 * @param images one record per image, in the order of the source
 */
public record LabelSet(
        List<String> classNames, List<Integer> categoryIds, List<LabeledImage> images) {
    /** Copies the lists and checks they agree. */
    public LabelSet {
        classNames = List.copyOf(classNames);
        categoryIds = List.copyOf(categoryIds);
        images = List.copyOf(images);
        if (categoryIds.size() != classNames.size()) {
            throw new IllegalArgumentException(
                    classNames.size() + " class names but " + categoryIds.size() + " category ids");
        }
    }

    /** A set whose COCO category ids are {@code 1..n}. */
    public static LabelSet of(List<String> classNames, List<LabeledImage> images) {
        return new LabelSet(
                classNames, IntStream.rangeClosed(1, classNames.size()).boxed().toList(), images);
    }
}
