package io.dlkit.plugins.detector.boxes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {
    // Hand example (threshold 0.5 on scores and on IoU):
    //   d0 (0,0,10,10) 0.90 class 0: best, kept
    //   d1 (1,1,11,11) 0.80 class 0: IoU with d0 = 81 / 119 = 0.68 > 0.5, suppressed
    //   d2 (20,20,30,30) 0.70 class 0: no overlap, kept
    //   d3 (0,0,10,10) 0.30 class 0: score below 0.5, discarded before suppression
    //   d4 (5,0,15,10) 0.75 class 0: IoU with d0 = 50 / 150 = 0.33, kept
    //   d5 (0,0,10,10) 0.85 class 1: another class, kept unless class-agnostic
    private static final Detection D0 = det(0, 0, 10, 10, 0, 0.90f);
    private static final Detection D1 = det(1, 1, 11, 11, 0, 0.80f);
    private static final Detection D2 = det(20, 20, 30, 30, 0, 0.70f);
    private static final Detection D3 = det(0, 0, 10, 10, 0, 0.30f);
    private static final Detection D4 = det(5, 0, 15, 10, 0, 0.75f);
    private static final Detection D5 = det(0, 0, 10, 10, 1, 0.85f);
    private static final List<Detection> ALL = List.of(D0, D1, D2, D3, D4, D5);
    private static final NmsOptions HALF = new NmsOptions(0.5f, 0.5f, 100, false);

    @Test
    void should_suppress_within_each_class_and_sort_by_score() {
        assertThat(NonMaxSuppression.apply(ALL, HALF)).containsExactly(D0, D5, D4, D2);
    }

    @Test
    void should_suppress_across_classes_when_class_agnostic() {
        // d5 (0.85) has IoU 1 with d0 (0.90): gone
        assertThat(NonMaxSuppression.apply(ALL, HALF.withClassAgnostic(true)))
                .containsExactly(D0, D4, D2);
    }

    @Test
    void should_keep_at_most_max_detections_highest_first() {
        assertThat(NonMaxSuppression.apply(ALL, HALF.withMaxDetections(2))).containsExactly(D0, D5);
    }

    @Test
    void should_keep_a_score_equal_to_the_threshold_and_drop_one_below() {
        // the notes discard scores below the threshold: 0.3 stays at 0.3, goes at 0.31
        assertThat(NonMaxSuppression.apply(List.of(D3), HALF.withScoreThreshold(0.3f)))
                .containsExactly(D3);
        assertThat(NonMaxSuppression.apply(List.of(D3), HALF.withScoreThreshold(0.31f))).isEmpty();
    }

    @Test
    void should_suppress_only_above_the_iou_threshold() {
        // (0,0,2,1) and (0,0,1,1): IoU exactly 1 / 2
        Detection a = det(0, 0, 2, 1, 0, 0.9f);
        Detection b = det(0, 0, 1, 1, 0, 0.8f);
        assertThat(NonMaxSuppression.apply(List.of(a, b), HALF)).containsExactly(a, b);
        assertThat(NonMaxSuppression.apply(List.of(a, b), HALF.withIouThreshold(0.49f)))
                .containsExactly(a);
    }

    @Test
    void should_keep_the_lower_index_first_on_equal_scores() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 10, 50, 50, 60, 60};
        float[] scores = {0.5f, 0.5f, 0.5f};
        assertThat(NonMaxSuppression.select(boxes, scores, 0f, 0.5f, 10)).containsExactly(0, 2);
    }

    @Test
    void should_order_negative_and_positive_scores() {
        float[] scores = {-1f, 3f, 0f, -0.5f, 2f};
        assertThat(NonMaxSuppression.byScoreDescending(scores, Float.NEGATIVE_INFINITY))
                .containsExactly(1, 4, 2, 3, 0);
        assertThat(NonMaxSuppression.byScoreDescending(scores, 0f)).containsExactly(1, 4, 2);
    }

    @Test
    void should_reject_bad_options_with_the_allowed_range() {
        assertThatThrownBy(() -> new NmsOptions(0.5f, 1.5f, 10, false))
                .hasMessage("iouThreshold must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new NmsOptions(0.5f, 0.5f, 0, false))
                .hasMessage("maxDetections must be >= 1, got 0");
        assertThatThrownBy(() -> NonMaxSuppression.select(new float[3], new float[1], 0, 0, 1))
                .hasMessage("boxes must hold 4 values per score: 3 values for 1 scores");
    }

    private static Detection det(float x1, float y1, float x2, float y2, int cls, float score) {
        return new Detection(new BoundingBox(x1, y1, x2, y2), cls, score);
    }
}
