package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FaceImageTest {
    @Test
    void should_pad_a_wide_image_centred_with_the_rounded_half_after_it() {
        // 2 rows x 5 columns: diff 3, round(1.5) = 2 rows after, 1 before
        float[] v = new float[2 * 5 * 3];
        java.util.Arrays.fill(v, 7);
        FaceImage square = new FaceImage(v, 2, 5).padToSquare(true);
        assertThat(square.height()).isEqualTo(5);
        for (int r = 0; r < 5; r++) {
            float expected = (r == 1 || r == 2) ? 7 : 0;
            assertThat(square.rgb()[r * 15]).as("row %d", r).isEqualTo(expected);
        }
    }

    @Test
    void should_pad_a_tall_image_at_the_right_when_not_centred() {
        float[] v = new float[3 * 1 * 3];
        java.util.Arrays.fill(v, 5);
        FaceImage square = new FaceImage(v, 3, 1).padToSquare(false);
        assertThat(square.width()).isEqualTo(3);
        assertThat(square.rgb()[0]).isEqualTo(5);
        assertThat(square.rgb()[3]).isZero();
        assertThat(square.rgb()[6]).isZero();
    }

    @Test
    void should_cut_the_requested_rows_and_columns() {
        float[] v = new float[4 * 4 * 3];
        for (int i = 0; i < v.length; i++) {
            v[i] = i;
        }
        FaceImage crop = new FaceImage(v, 4, 4).crop(1, 2, 2, 1);
        assertThat(crop.rgb()).containsExactly(27, 28, 29, 30, 31, 32);
    }
}
