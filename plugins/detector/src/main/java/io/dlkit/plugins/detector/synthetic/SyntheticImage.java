package io.dlkit.plugins.detector.synthetic;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.List;

/** One generated image (RGB, values in [0, 1]) and its labels (boxes as fractions of the image). */
public record SyntheticImage(Image image, List<LabeledBox> objects) {
    /** Copies the list. */
    public SyntheticImage {
        objects = List.copyOf(objects);
    }
}
