package io.dlkit.plugins.detector.boxes;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionsTest {
    @Test
    void should_label_boxes_with_class_names_or_indices() {
        List<Box> boxes =
                Detections.toImageBoxes(
                        List.of(
                                new Detection(new BoundingBox(1, 2, 30, 40), 1, 0.9f),
                                new Detection(new BoundingBox(5, 6, 7, 8), 4, 0.3f)),
                        List.of("cat", "dog"));
        assertThat(boxes)
                .containsExactly(
                        new Box(1, 2, 30, 40, "dog", 0.9f, 1), new Box(5, 6, 7, 8, "4", 0.3f, 4));
    }
}
