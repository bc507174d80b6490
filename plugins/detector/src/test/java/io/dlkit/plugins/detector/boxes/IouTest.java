package io.dlkit.plugins.detector.boxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IouTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // inter 1x1 = 1, union 4 + 4 - 1 = 7 (the notes' example: (2,1,4,3) and (1,2,3,4))
        "partial overlap,   2, 1, 4, 3,   1, 2, 3, 4,   0.142857142857",
        "identical,         0, 0, 2, 2,   0, 0, 2, 2,   1.0",
        // inner 2x2 = 4 inside 4x4 = 16: 4 / 16
        "contained,         0, 0, 4, 4,   1, 1, 3, 3,   0.25",
        "disjoint,          0, 0, 1, 1,   2, 2, 3, 3,   0.0",
        "touching edges,    0, 0, 1, 1,   1, 0, 2, 1,   0.0",
        // inter 5x10 = 50, union 100 + 100 - 50 = 150
        "half shifted,      0, 0, 10, 10, 5, 0, 15, 10, 0.333333333333",
        "empty box,         0, 0, 0, 5,   0, 0, 2, 2,   0.0",
    })
    void should_compute_iou_of_corner_boxes_as_a_hand_calculation(
            String name,
            float ax1,
            float ay1,
            float ax2,
            float ay2,
            float bx1,
            float by1,
            float bx2,
            float by2,
            double expected) {
        BoundingBox a = new BoundingBox(ax1, ay1, ax2, ay2);
        BoundingBox b = new BoundingBox(bx1, by1, bx2, by2);
        assertThat(a.iou(b)).isCloseTo(expected, within(1e-9));
        assertThat(b.iou(a)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void should_give_the_same_iou_in_centre_form() {
        // (2,1,4,3) is centre (3,2) size 2x2; (1,2,3,4) is centre (2,3) size 2x2: 1/7
        assertThat(Iou.centers(3, 2, 2, 2, 2, 3, 2, 2)).isCloseTo(1.0 / 7, within(1e-12));
        BoundingBox c = BoundingBox.fromCenter(3, 2, 2, 2);
        assertThat(c).isEqualTo(new BoundingBox(2, 1, 4, 3));
        assertThat(c.centerX()).isEqualTo(3f);
        assertThat(c.centerY()).isEqualTo(2f);
        assertThat(c.area()).isEqualTo(4.0);
    }

    @Test
    void should_compare_sizes_aligned_at_the_origin() {
        // 2x3 against 3x2: inter 2x2 = 4, union 6 + 6 - 4 = 8
        assertThat(Iou.aligned(2, 3, 3, 2)).isEqualTo(0.5);
        // 1x1 inside 2x2: 1 / 4
        assertThat(Iou.aligned(1, 1, 2, 2)).isEqualTo(0.25);
        assertThat(Iou.aligned(0, 1, 2, 2)).isZero();
    }

    @Test
    void should_clip_and_scale() {
        BoundingBox b = new BoundingBox(-5, 10, 50, 120);
        assertThat(b.clip(40, 100)).isEqualTo(new BoundingBox(0, 10, 40, 100));
        assertThat(b.scale(2, 0.5f)).isEqualTo(new BoundingBox(-10, 5, 100, 60));
    }
}
