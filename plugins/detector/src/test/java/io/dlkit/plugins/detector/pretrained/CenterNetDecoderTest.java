package io.dlkit.plugins.detector.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class CenterNetDecoderTest {
    @Test
    void should_keep_rows_above_the_threshold_with_a_known_class_as_input_fractions() {
        float[] rows = {
            51.2f, 102.4f, 256f, 512f, 0.8f, 16f, // kept: a dog
            0f, 0f, 10f, 10f, 0.1f, 1f, // score below the threshold
            0f, 0f, 10f, 10f, 0.9f, Float.NaN, // no class
            0f, 0f, 10f, 10f, 0.9f, 80f, // class out of range
            30f, 30f, 20f, 40f, 0.9f, 2f // empty box
        };

        List<Detection> out = new CenterNetDecoder(512, 80).decode(rows, 0.25f);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).classId()).isEqualTo(16);
        assertThat(out.get(0).score()).isEqualTo(0.8f);
        BoundingBox b = out.get(0).box();
        assertThat(b.x1()).isCloseTo(0.1f, within(1e-6f));
        assertThat(b.y1()).isCloseTo(0.2f, within(1e-6f));
        assertThat(b.x2()).isCloseTo(0.5f, within(1e-6f));
        assertThat(b.y2()).isCloseTo(1.0f, within(1e-6f));
    }

    @Test
    void should_name_class_16_dog_and_map_it_to_coco_category_18() {
        assertThat(CocoNames.all()).hasSize(80);
        assertThat(CocoNames.all().get(16)).isEqualTo("dog");
        assertThat(CocoNames.cocoCategoryId(16)).isEqualTo(18);
        assertThat(CocoNames.cocoCategoryId(79)).isEqualTo(90);
    }
}
