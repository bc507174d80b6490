package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrawingTest {
    // "car".hashCode() = 98260, and 98260 mod 12 = 4: the fifth palette colour, tab10's purple.
    private static final Color CAR = new Color(0x9467BD);

    private static Image grey(float value, int size) {
        float[] data = new float[size * size * 3];
        Arrays.fill(data, value);
        return new Image(data, size, size, 3);
    }

    private static float[] pixel(Image img, int y, int x) {
        return new float[] {img.get(y, x, 0), img.get(y, x, 1), img.get(y, x, 2)};
    }

    private static float[] rgb(Color c) {
        return new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f};
    }

    @Test
    void should_draw_the_outline_in_the_label_colour_and_leave_the_centre_alone() {
        // given: a 64x64 image gets 2 px lines; the box spans columns and rows 10..53
        Image img = grey(0.123456f, 64);
        Box box = new Box(10, 10, 54, 54, "car", 0.91f);

        // when
        Image out = Drawing.drawBoxes(img, List.of(box));

        // then: every edge at its midpoint, both pixels of the line width
        float[] car = rgb(CAR);
        assertThat(pixel(out, 10, 32)).containsExactly(car);
        assertThat(pixel(out, 11, 32)).containsExactly(car);
        assertThat(pixel(out, 53, 32)).containsExactly(car);
        assertThat(pixel(out, 32, 10)).containsExactly(car);
        assertThat(pixel(out, 32, 53)).containsExactly(car);
        assertThat(pixel(out, 32, 32)).containsExactly(0.123456f, 0.123456f, 0.123456f);
        assertThat(pixel(out, 32, 12)).containsExactly(0.123456f, 0.123456f, 0.123456f);
        assertThat(pixel(out, 60, 60)).containsExactly(0.123456f, 0.123456f, 0.123456f);
        assertThat(pixel(img, 10, 32))
                .as("the input is not changed")
                .containsExactly(0.123456f, 0.123456f, 0.123456f);
    }

    @Test
    void should_put_the_label_tag_above_the_box() {
        // given
        Image img = grey(0f, 64);

        // when
        Image out = Drawing.drawBoxes(img, List.of(new Box(10, 30, 54, 60, "car", 0.5f)));

        // then: the tag's top-left corner is filled with the label colour
        int changed = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 64; x++) {
                changed += out.get(y, x, 0) != 0f ? 1 : 0;
            }
        }
        assertThat(changed).isGreaterThan(50);
        assertThat(pixel(out, 29, 10)).containsExactly(rgb(CAR));
    }

    @Test
    void should_give_each_label_a_stable_colour_from_the_palette() {
        assertThat(Drawing.colorFor("car")).isEqualTo(CAR);
        // "person".hashCode() = -991716523, floorMod 12 = 5: tab10's brown
        assertThat(Drawing.colorFor("person")).isEqualTo(new Color(0x8C564B));
        assertThat(Drawing.colorFor("dog")).isNotEqualTo(Drawing.colorFor("car"));
    }

    @Test
    void should_write_dark_text_on_light_tags_and_light_text_on_dark_tags() {
        assertThat(Overlay.contrastingText(new Color(0xFFD700))).isEqualTo(Color.BLACK);
        assertThat(Overlay.contrastingText(new Color(0x1F77B4))).isEqualTo(Color.WHITE);
    }

    @Test
    void should_return_rgb_for_grey_input_and_keep_untouched_values() {
        // given
        Image img = new Image(new float[32 * 32], 32, 32, 1);

        // when
        Image out = Drawing.drawPoints(img, List.of(new Point(8, 8, "")));

        // then
        assertThat(out.channels()).isEqualTo(3);
        assertThat(pixel(out, 8, 8)).containsExactly(rgb(Drawing.colorFor("")));
        assertThat(pixel(out, 24, 24)).containsExactly(0f, 0f, 0f);
    }

    @Test
    void should_draw_a_labelled_point_and_keep_rgba_alpha_opaque_under_marks() {
        // given: half-transparent RGBA
        float[] data = new float[40 * 40 * 4];
        Arrays.fill(data, 0.5f);
        Image img = new Image(data, 40, 40, 4);

        // when
        Image out = Drawing.drawPoints(img, List.of(new Point(5, 20, "nose")));

        // then: "nose".hashCode() mod 12 = 11, spring green
        assertThat(out.channels()).isEqualTo(4);
        assertThat(pixel(out, 20, 5)).containsExactly(rgb(new Color(0x00FF7F)));
        assertThat(out.get(20, 5, 3)).isEqualTo(1f);
        assertThat(out.get(20, 12, 3)).as("the label tag beside it").isEqualTo(1f);
        assertThat(out.get(2, 35, 3)).isEqualTo(0.5f);
    }

    @Test
    void should_reject_a_box_with_swapped_corners() {
        assertThatThrownBy(() -> new Box(5, 5, 1, 9, "cat", 0.3f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "box corners must be finite with x1 <= x2 and y1 <= y2, got (5.0, 5.0, 1.0,"
                                + " 9.0) for 'cat'");
    }
}
