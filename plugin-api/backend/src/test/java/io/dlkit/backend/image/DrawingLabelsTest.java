package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrawingLabelsTest {
    /** A "photo" of random noise: no colour a mark uses is likely to be there already. */
    private static Image noise(int size) {
        Random random = new Random(1);
        float[] data = new float[size * size * 3];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        return new Image(data, size, size, 3);
    }

    private static boolean is(Image img, int y, int x, Color c) {
        return img.get(y, x, 0) == c.getRed() / 255f
                && img.get(y, x, 1) == c.getGreen() / 255f
                && img.get(y, x, 2) == c.getBlue() / 255f;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "cat | 0.934 | -1 | cat 0.93",
                "cat | NaN   | 15 | cat",
                "''  | 0.5   | 16 | class 16 0.50",
                "''  | 0.5   | -1 | 0.50",
                "''  | NaN   | -1 | ''"
            })
    void should_tag_a_box_with_its_class_name_and_score(
            String label, float score, int classId, String tag) {
        assertThat(Drawing.tagText(new Box(0, 0, 1, 1, label, score, classId))).isEqualTo(tag);
    }

    @Test
    void should_put_the_tag_on_an_opaque_background_with_contrasting_text() {
        // given: a 640-pixel photo; "car" is tab10 purple (luma 126), so its text is white
        Image photo = noise(640);
        Color purple = Drawing.colorFor("car");

        // when
        Image out = Drawing.drawBoxes(photo, List.of(new Box(100, 200, 400, 500, "car", 0.5f)));

        // then: just above the box's top-left corner, no pixel of the photo shows through, and
        // the tag holds both its colour and white text
        int tagColour = 0;
        int white = 0;
        for (int y = 192; y < 200; y++) {
            for (int x = 100; x < 140; x++) {
                assertThat(out.get(y, x, 0)).isNotEqualTo(photo.get(y, x, 0));
                tagColour += is(out, y, x, purple) ? 1 : 0;
                white += is(out, y, x, Color.WHITE) ? 1 : 0;
            }
        }
        assertThat(tagColour).isGreaterThan(100);
        assertThat(white).isGreaterThan(5);
    }

    @Test
    void should_scale_the_line_width_with_the_image() {
        // given: 1280 pixels gives round(1280 / 320) = 4-pixel lines, 640 gives 2
        Color purple = Drawing.colorFor("car");
        Box box = new Box(100, 300, 400, 600, "car", Float.NaN);

        // when
        Image large = Drawing.drawBoxes(noise(1280), List.of(box));
        Image small = Drawing.drawBoxes(noise(640), List.of(box));

        // then: the left edge, halfway down
        assertThat(is(large, 450, 103, purple)).isTrue();
        assertThat(is(large, 450, 104, purple)).isFalse();
        assertThat(is(small, 450, 101, purple)).isTrue();
        assertThat(is(small, 450, 102, purple)).isFalse();
    }
}
