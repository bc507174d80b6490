package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagesWriteTest {
    @TempDir Path dir;

    /** k / 255 for k = 0, 1, 2, ...: values 8-bit PNG must keep exactly. */
    private static Image steps(int height, int width, int channels) {
        float[] data = new float[height * width * channels];
        for (int i = 0; i < data.length; i++) {
            data[i] = (i * 37 % 256) / 255f;
        }
        return new Image(data, height, width, channels);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 4})
    void should_round_trip_8_bit_values_through_png_exactly(int channels) throws Exception {
        // given
        Image img = steps(3, 5, channels);
        Path file = dir.resolve("out.PNG");

        // when
        Images.write(file, img);
        Image back = Images.read(file);

        // then
        assertThat(back.channels()).isEqualTo(channels);
        assertThat(back.data()).containsExactly(img.data());
        assertThat(dir.toFile().list()).containsExactly("out.PNG");
    }

    @Test
    void should_clamp_and_round_to_8_bits() throws Exception {
        // given: 0.5 * 255 = 127.5 rounds up to 128
        Image img = new Image(new float[] {-0.5f, 1.5f, Float.NaN, 0.5f}, 1, 4, 1);
        Path file = dir.resolve("clamped.png");

        // when
        Images.write(file, img);

        // then
        assertThat(Images.read(file).data()).containsExactly(0f, 1f, 0f, 128 / 255f);
    }

    @Test
    void should_write_jpeg_without_alpha_close_to_the_input() throws Exception {
        // given: a flat colour with alpha
        float[] data = new float[16 * 16 * 4];
        for (int p = 0; p < 256; p++) {
            data[4 * p] = 0.8f;
            data[4 * p + 1] = 0.4f;
            data[4 * p + 2] = 0.2f;
            data[4 * p + 3] = 0.5f;
        }
        Path file = dir.resolve("out.jpeg");

        // when
        Images.write(file, new Image(data, 16, 16, 4));
        Image back = Images.read(file);

        // then
        assertThat(Files.readAllBytes(file)).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(back.channels()).isEqualTo(3);
        assertThat(back.get(7, 7, 0)).isCloseTo(0.8f, within(3 / 255f));
        assertThat(back.get(7, 7, 1)).isCloseTo(0.4f, within(3 / 255f));
        assertThat(back.get(7, 7, 2)).isCloseTo(0.2f, within(3 / 255f));
    }

    @Test
    void should_replace_an_existing_file() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("x.jpg"), "old");

        // when
        Images.write(file, steps(8, 8, 1));

        // then
        assertThat(Images.read(file).height()).isEqualTo(8);
        assertThat(dir.toFile().list()).containsExactly("x.jpg");
    }
}
