package io.dlkit.plugins.detector.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class YoloDecoderTest {
    // A 2x3 grid (2 rows, 3 columns), 2 anchors (0.5 x 1 and 2 x 1.5 cells), 3 classes: 8 values
    // per anchor, 2 * 3 * 2 * 8 = 96 values. Everything is "no object" (t_o = -10) but:
    //   row 1, column 0, anchor 0: t = (0, ln 3, ln 2, 0, ln 4, [0, ln 2, ln 5])
    //     sigmoid(0) = 1/2, sigmoid(ln 3) = 3/4, exp(ln 2) = 2, exp(0) = 1, sigmoid(ln 4) = 4/5,
    //     softmax(0, ln 2, ln 5) = (1, 2, 5) / 8: class 2 with 5/8; score 4/5 * 5/8 = 1/2
    //     b_x = (0 + 1/2) / 3 = 1/6, b_y = (1 + 3/4) / 2 = 7/8
    //     b_w = 0.5 * 2 / 3 = 1/3, b_h = 1 * 1 / 2 = 1/2
    //   row 0, column 2, anchor 1: t = (-ln 3, 0, 0, ln 0.5, ln 9, [ln 3, 0, 0])
    //     sigmoid(-ln 3) = 1/4, p_c = 9/10, softmax = (3, 1, 1) / 5: class 0 with 3/5;
    //     score 27/50 = 0.54; b_x = (2 + 1/4) / 3 = 3/4, b_y = (0 + 1/2) / 2 = 1/4,
    //     b_w = 2 * 1 / 3 = 2/3, b_h = 1.5 * 0.5 / 2 = 3/8
    private static final float[] ANCHORS = {0.5f, 1f, 2f, 1.5f};
    private static final YoloDecoder DECODER = new YoloDecoder(2, 3, ANCHORS, 3);

    static float[] handBuiltOutput() {
        float[] t = new float[96];
        for (int i = 4; i < t.length; i += 8) {
            t[i] = -10f;
        }
        set(t, 1, 0, 0, 0, ln(3), ln(2), 0, ln(4), 0, ln(2), ln(5));
        set(t, 0, 2, 1, -ln(3), 0, 0, ln(0.5), ln(9), ln(3), 0, 0);
        return t;
    }

    @Test
    void should_decode_the_hand_built_output_in_fractions_of_the_input() {
        List<Detection> got = DECODER.decode(handBuiltOutput(), 0.1f);

        assertThat(got).hasSize(2);
        // output order: row 0 first
        Detection a = got.get(0);
        assertThat(a.classId()).isEqualTo(0);
        assertThat(a.score()).isCloseTo(0.54f, within(1e-6f));
        assertBox(a.box(), 0.75f, 0.25f, 2f / 3, 3f / 8);
        Detection b = got.get(1);
        assertThat(b.classId()).isEqualTo(2);
        assertThat(b.score()).isCloseTo(0.5f, within(1e-6f));
        assertBox(b.box(), 1f / 6, 7f / 8, 1f / 3, 0.5f);
    }

    @Test
    void should_drop_boxes_below_the_score_threshold() {
        // 0.54 stays, 0.5 goes; the "no object" boxes score sigmoid(-10) = 4.5e-5
        assertThat(DECODER.decode(handBuiltOutput(), 0.52f))
                .extracting(Detection::classId)
                .containsExactly(0);
        assertThat(DECODER.decode(handBuiltOutput(), 1e-6f)).hasSize(12);
        assertThat(DECODER.decode(handBuiltOutput(), 0f)).hasSize(12);
        assertThat(DECODER.decode(handBuiltOutput(), -1f)).hasSize(12);
    }

    @Test
    void should_decode_the_image_at_an_offset_of_a_batch() {
        float[] batch = new float[192];
        System.arraycopy(handBuiltOutput(), 0, batch, 96, 96);
        Arrays.fill(batch, 0, 96, -10f);
        assertThat(DECODER.decode(batch, 96, 0.1f))
                .isEqualTo(DECODER.decode(handBuiltOutput(), 0.1f));
    }

    @Test
    void should_reject_an_output_of_the_wrong_size_with_the_expected_one() {
        assertThatThrownBy(() -> DECODER.decode(new float[95], 0.1f))
                .hasMessage("output has 95 values from offset 0, a 2x3x2x8 YOLO output needs 96");
        assertThatThrownBy(() -> new YoloDecoder(13, 13, new float[] {1f, 2f, 3f}, 80))
                .hasMessage("anchors must be w, h pairs, got 3 values");
    }

    private static void assertBox(BoundingBox box, float cx, float cy, float w, float h) {
        assertThat(box.centerX()).isCloseTo(cx, within(1e-6f));
        assertThat(box.centerY()).isCloseTo(cy, within(1e-6f));
        assertThat(box.width()).isCloseTo(w, within(1e-6f));
        assertThat(box.height()).isCloseTo(h, within(1e-6f));
    }

    private static void set(float[] t, int row, int col, int anchor, float... values) {
        int at = ((row * 3 + col) * 2 + anchor) * 8;
        System.arraycopy(values, 0, t, at, values.length);
    }

    private static float ln(double x) {
        return (float) Math.log(x);
    }
}
