package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.EagerSession;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

class ResizeTest {
    @Test
    void should_upscale_2x2_to_4x4_as_calculated_by_hand() {
        // given: v(y, x) = 2y + x
        Image src = new Image(new float[] {0, 1, 2, 3}, 2, 2, 1);

        // when
        Image out = Images.resize(src, 4, 4);

        // then: output i samples the source at (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25,
        // clamped to 0, 0.25, 0.75, 1; so v = 2 * ry + rx with r in {0, 0.25, 0.75, 1}
        assertThat(out.data())
                .containsExactly(
                        0.0f, 0.25f, 0.75f, 1.0f, 0.5f, 0.75f, 1.25f, 1.5f, 1.5f, 1.75f, 2.25f,
                        2.5f, 2.0f, 2.25f, 2.75f, 3.0f);
    }

    @Test
    void should_downscale_4x4_to_2x2_as_calculated_by_hand() {
        // given: v(y, x) = 4y + x
        float[] data = new float[16];
        for (int i = 0; i < 16; i++) {
            data[i] = i;
        }

        // when
        Image out = Images.resize(new Image(data, 4, 4, 1), 2, 2);

        // then: output i samples (i + 0.5) * 2 - 0.5 = 0.5 and 2.5, the midpoints of source pairs
        // (0, 1) and (2, 3); v = 4 * 0.5 + 0.5 = 2.5, 4.5, 10.5, 12.5
        assertThat(out.data()).containsExactly(2.5f, 4.5f, 10.5f, 12.5f);
    }

    @Test
    void should_interpolate_each_channel_separately() {
        // given: channel 0 goes from 0 to 1, channel 1 from 10 to 20, channel 2 from -4 to 4
        Image src = new Image(new float[] {0, 10, -4, 1, 20, 4}, 1, 2, 3);

        // when
        Image out = Images.resize(src, 1, 4);

        // then: x positions 0, 0.25, 0.75, 1 as above
        assertThat(out.data())
                .containsExactly(0f, 10f, -4f, 0.25f, 12.5f, -2f, 0.75f, 17.5f, 2f, 1f, 20f, 4f);
    }

    @ParameterizedTest(name = "{0}x{1}x{2} -> {3}x{4}")
    @CsvSource({
        "2,2,1,4,4",
        "4,4,1,2,2",
        "5,7,3,3,11",
        "9,4,3,16,7",
        "13,17,4,6,5",
        "1,1,3,3,2",
        "6,6,1,6,6"
    })
    void should_match_tensorflow_resize_bilinear_with_half_pixel_centers(
            int h, int w, int c, int outH, int outW) {
        // given
        Random random = new Random(h * 31 + w);
        float[] data = new float[h * w * c];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextFloat();
        }
        Image src = new Image(data, h, w, c);

        // when
        Image ours = Images.resize(src, outH, outW);
        Image theirs = tensorflowResize(src, outH, outW);

        // then
        assertThat(ours.data()).containsExactly(theirs.data(), within(1e-5f));
    }

    @Test
    void should_reject_an_empty_target_size() {
        Image src = new Image(new float[1], 1, 1, 1);

        assertThatThrownBy(() -> Images.resize(src, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resize height and width must be >= 1, got 0x3");
    }

    private static Image tensorflowResize(Image src, int outH, int outW) {
        try (EagerSession session = EagerSession.create();
                TFloat32 in = src.toTensor()) {
            Ops tf = Ops.create(session);
            ResizeBilinear resized =
                    tf.image.resizeBilinear(
                            tf.constantOf(in),
                            tf.constant(new int[] {outH, outW}),
                            ResizeBilinear.halfPixelCenters(true));
            // The result tensor belongs to the eager session, which closes it.
            return Image.fromTensor(resized.asTensor());
        }
    }
}
