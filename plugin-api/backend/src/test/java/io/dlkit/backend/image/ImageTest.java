package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

class ImageTest {
    private static final float[] PIXELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    @Test
    void should_index_pixels_in_hwc_order() {
        // given: 2 rows, 2 columns, 3 channels
        Image img = new Image(PIXELS.clone(), 2, 2, 3);

        // when / then: (y * width + x) * channels + c
        assertThat(img.get(1, 0, 2)).isEqualTo(8f);
        assertThat(img.get(0, 1, 0)).isEqualTo(3f);
        assertThatThrownBy(() -> img.get(2, 0, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("pixel (y=2, x=0, c=0) is outside the 2x2x3 image");
    }

    @Test
    void should_become_a_batch_of_one_tensor() {
        // given
        Image img = new Image(PIXELS.clone(), 2, 2, 3);

        // when
        try (TFloat32 t = img.toTensor()) {
            // then
            assertThat(t.shape()).isEqualTo(Shape.of(1, 2, 2, 3));
            assertThat(t.getFloat(0, 1, 0, 2)).isEqualTo(8f);
            assertThat(Image.fromTensor(t).data()).containsExactly(PIXELS);
        }
    }

    @Test
    void should_accept_a_tensor_without_batch_dimension() {
        try (TFloat32 t =
                TFloat32.tensorOf(Shape.of(2, 3, 2), DataBuffers.of(PIXELS, true, false))) {
            assertThatThrownBy(() -> Image.fromTensor(t))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("channels must be 1, 3 or 4, got 2");
        }
        try (TFloat32 t =
                TFloat32.tensorOf(Shape.of(4, 1, 3), DataBuffers.of(PIXELS, true, false))) {
            Image img = Image.fromTensor(t);
            assertThat(img).hasToString("Image[4x1x3]");
            assertThat(img.get(3, 0, 1)).isEqualTo(10f);
        }
    }

    @Test
    void should_reject_a_batch_of_several_images() {
        try (TFloat32 t =
                TFloat32.tensorOf(Shape.of(2, 1, 2, 3), DataBuffers.of(PIXELS, true, false))) {
            assertThatThrownBy(() -> Image.fromTensor(t))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "expected an image tensor of shape [h, w, c] or [1, h, w, c], got"
                                    + " [2, 1, 2, 3]; slice one image out of the batch");
        }
    }

    @Test
    void should_reject_inconsistent_sizes() {
        assertThatThrownBy(() -> new Image(new float[5], 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data has 5 values but a 2x2x1 image needs 4");
        assertThatThrownBy(() -> new Image(new float[0], 0, 2, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("image height and width must be >= 1, got 0x2");
    }

    @Test
    void should_convert_rgba_to_grey_by_luma_dropping_alpha() {
        // given
        Image rgba = new Image(new float[] {0.5f, 1f, 0f, 0.25f}, 1, 1, 4);

        // when
        Image grey = Images.convert(rgba, 1);

        // then: 0.299 * 0.5 + 0.587 * 1 = 0.7365
        assertThat(grey.data()).containsExactly(0.299f * 0.5f + 0.587f * 1f);
        assertThat(Images.convert(grey, 1)).isSameAs(grey);
    }
}
