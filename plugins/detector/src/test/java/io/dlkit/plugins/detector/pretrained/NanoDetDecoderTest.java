package io.dlkit.plugins.detector.pretrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.List;
import org.junit.jupiter.api.Test;

class NanoDetDecoderTest {
    // A 32x32 input, one level of stride 16 (a 2x2 grid), 2 classes, 3 bins per side.
    private final NanoDetDecoder decoder = new NanoDetDecoder(32, 2, 3);

    private static float ln(double v) {
        return (float) Math.log(v);
    }

    /** Cell 3 (row 1, col 1, centre (24, 24)) with hand-picked side distributions. */
    private static float[] distributions() {
        float[] d = new float[4 * 4 * 3];
        int base = 3 * 12;
        // left: probabilities 1/3 each -> 1 bin = 16 px
        // top: 1/4, 1/4, 1/2 -> 0.25 + 1.0 = 1.25 bins = 20 px
        d[base + 3] = ln(1);
        d[base + 4] = ln(1);
        d[base + 5] = ln(2);
        // right: 1/5, 3/5, 1/5 -> 0.6 + 0.4 = 1 bin = 16 px
        d[base + 7] = ln(3);
        // bottom: 1/2, 1/4, 1/4 -> 0.25 + 0.5 = 0.75 bins = 12 px
        d[base + 9] = ln(2);
        return d;
    }

    @Test
    void should_decode_a_cell_box_from_the_expected_side_distances_around_the_cell_centre() {
        float[] scores = {0.2f, 0, 0.2f, 0, 0.2f, 0, 0.1f, 0.9f};

        List<Detection> out = decoder.decodeLevel(scores, distributions(), 0.5f);

        assertThat(out).hasSize(1);
        Detection d = out.get(0);
        assertThat(d.classId()).isEqualTo(1);
        assertThat(d.score()).isEqualTo(0.9f);
        BoundingBox b = d.box();
        // (24 - 16, 24 - 20, 24 + 16, 24 + 12) / 32
        assertThat(b.x1()).isCloseTo(8 / 32f, within(1e-6f));
        assertThat(b.y1()).isCloseTo(4 / 32f, within(1e-6f));
        assertThat(b.x2()).isCloseTo(40 / 32f, within(1e-6f));
        assertThat(b.y2()).isCloseTo(36 / 32f, within(1e-6f));
    }

    @Test
    void should_give_one_candidate_per_class_above_the_threshold_sharing_the_cell_box() {
        float[] scores = {0, 0, 0, 0, 0, 0, 0.6f, 0.7f};

        List<Detection> out = decoder.decodeLevel(scores, distributions(), 0.5f);

        assertThat(out).extracting(Detection::classId).containsExactly(0, 1);
        assertThat(out.get(0).box()).isEqualTo(out.get(1).box());
    }

    @Test
    void should_place_cells_row_major_from_the_top_left() {
        float[] scores = {0, 0, 0.8f, 0, 0, 0, 0, 0};
        float[] zeros = new float[4 * 4 * 3]; // every side 1 bin = 16 px

        BoundingBox b = decoder.decodeLevel(scores, zeros, 0.5f).get(0).box();

        // cell 1 = row 0, col 1: centre (24, 8)
        assertThat(b.centerX() * 32).isCloseTo(24f, within(1e-4f));
        assertThat(b.centerY() * 32).isCloseTo(8f, within(1e-4f));
        assertThat(b.width() * 32).isCloseTo(32f, within(1e-4f));
    }

    @Test
    void should_reject_outputs_that_do_not_fit_a_square_grid() {
        assertThatThrownBy(() -> decoder.decodeLevel(new float[6], new float[36], 0.5f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("do not fit");
    }
}
