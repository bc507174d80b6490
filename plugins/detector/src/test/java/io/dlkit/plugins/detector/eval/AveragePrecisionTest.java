package io.dlkit.plugins.detector.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AveragePrecisionTest {
    // 3 ground truths; detections by score: TP, FP, TP, FP, FP
    // recall    1/3, 1/3, 2/3, 2/3, 2/3
    // precision 1,   1/2, 2/3, 1/2, 2/5
    private static final PrCurve CURVE =
            PrCurve.of(new boolean[] {true, false, true, false, false}, 3);

    @Test
    void should_build_the_curve_from_cumulative_counts() {
        assertThat(CURVE.recall()).containsExactly(1 / 3.0, 1 / 3.0, 2 / 3.0, 2 / 3.0, 2 / 3.0);
        assertThat(CURVE.precision()).containsExactly(1, 0.5, 2 / 3.0, 0.5, 0.4);
    }

    @Test
    void should_integrate_all_points_as_voc() {
        // envelope at recall 1/3: 1, at 2/3: 2/3, then 0 up to recall 1:
        // 1/3 * 1 + 1/3 * 2/3 + 1/3 * 0 = 5/9
        assertThat(AveragePrecision.allPoints(CURVE)).isCloseTo(5 / 9.0, within(1e-12));
    }

    @Test
    void should_average_101_points_as_coco() {
        // recalls 0..0.33 (34 points) see precision 1, 0.34..0.66 (33 points) see 2/3,
        // 0.67..1 (34 points) see nothing: (34 + 33 * 2/3) / 101 = 56/101
        assertThat(AveragePrecision.points101(CURVE)).isCloseTo(56 / 101.0, within(1e-12));
    }

    @Test
    void should_give_one_for_a_perfect_curve_and_zero_for_no_detections() {
        PrCurve perfect = PrCurve.of(new boolean[] {true, true}, 2);
        assertThat(AveragePrecision.allPoints(perfect)).isEqualTo(1.0);
        assertThat(AveragePrecision.points101(perfect)).isCloseTo(1.0, within(1e-12));
        PrCurve none = PrCurve.of(new boolean[0], 2);
        assertThat(AveragePrecision.allPoints(none)).isZero();
        assertThat(AveragePrecision.points101(none)).isZero();
    }
}
