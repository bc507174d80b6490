package io.dlkit.backend.image;

import static io.dlkit.backend.image.TestImages.custom;
import static io.dlkit.backend.image.TestImages.of;
import static io.dlkit.backend.image.TestImages.scaled;
import static io.dlkit.backend.image.TestImages.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesReadTest {
    @TempDir Path dir;

    @Test
    void should_read_an_8_bit_grey_png_exactly() throws Exception {
        // given
        int[] samples = {0, 1, 128, 254, 255, 77};
        Path file =
                write(of(BufferedImage.TYPE_BYTE_GRAY, 3, 2, samples), "png", dir.resolve("g.png"));

        // when
        Image img = Images.read(file);

        // then
        assertThat(img).hasToString("Image[2x3x1]");
        assertThat(img.data()).containsExactly(scaled(samples, 255f));
    }

    @Test
    void should_read_an_rgb_png_exactly_in_rgb_order() throws Exception {
        // given: TYPE_3BYTE_BGR stores B, G, R in memory, but its raster bands are R, G, B
        int[] samples = {255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30};
        Path file =
                write(
                        of(BufferedImage.TYPE_3BYTE_BGR, 2, 2, samples),
                        "png",
                        dir.resolve("rgb.png"));

        // when
        Image img = Images.read(file);

        // then
        assertThat(img.channels()).isEqualTo(3);
        assertThat(img.data()).containsExactly(scaled(samples, 255f));
        assertThat(img.get(0, 0, 0)).isEqualTo(1f);
    }

    @Test
    void should_read_an_rgba_png_exactly() throws Exception {
        // given
        int[] samples = {255, 128, 0, 64, 1, 2, 3, 255};
        Path file =
                write(
                        of(BufferedImage.TYPE_4BYTE_ABGR, 2, 1, samples),
                        "png",
                        dir.resolve("rgba.png"));

        // when / then
        assertThat(Images.read(file).data()).containsExactly(scaled(samples, 255f));
    }

    @Test
    void should_read_grey_with_alpha_as_rgba() throws Exception {
        // given
        Path file =
                write(
                        custom(false, true, false, 2, 1, new int[] {51, 255, 204, 102}),
                        "png",
                        dir.resolve("ga.png"));

        // when
        Image img = Images.read(file);

        // then
        assertThat(img.channels()).isEqualTo(4);
        assertThat(img.data())
                .containsExactly(scaled(new int[] {51, 51, 51, 255, 204, 204, 204, 102}, 255f));
    }

    @Test
    void should_keep_16_bit_grey_precision() throws Exception {
        // given: values 8-bit output could not tell apart
        int[] samples = {0, 1, 257, 12345, 65534, 65535};
        Path file = write(custom(false, false, true, 3, 2, samples), "png", dir.resolve("g16.png"));

        // when
        Image img = Images.read(file);

        // then
        assertThat(img.data()).containsExactly(scaled(samples, 65535f));
    }

    @Test
    void should_keep_16_bit_rgba_precision() throws Exception {
        // given
        int[] samples = {1, 2, 3, 65535, 40000, 300, 65535, 7};
        Path file =
                write(custom(true, true, true, 2, 1, samples), "png", dir.resolve("rgba16.png"));

        // when / then
        assertThat(Images.read(file).data()).containsExactly(scaled(samples, 65535f));
    }

    @Test
    void should_read_a_palette_png_as_rgb() throws Exception {
        // given: index 0 is red, index 1 is teal
        IndexColorModel palette =
                new IndexColorModel(
                        1,
                        2,
                        new byte[] {(byte) 255, 0},
                        new byte[] {0, (byte) 128},
                        new byte[] {0, (byte) 128});
        BufferedImage bi = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        bi.getRaster().setPixels(0, 0, 2, 1, new int[] {1, 0});
        Path file = write(bi, "png", dir.resolve("pal.png"));

        // when / then
        assertThat(Images.read(file).data())
                .containsExactly(scaled(new int[] {0, 128, 128, 255, 0, 0}, 255f));
    }

    @Test
    void should_read_jpeg_rgb_and_grey_within_compression_error() throws Exception {
        // given: flat 16x16 blocks, which JPEG keeps nearly exact
        int[] rgb = new int[16 * 16 * 3];
        int[] grey = new int[16 * 16];
        for (int p = 0; p < 256; p++) {
            rgb[3 * p] = 200;
            rgb[3 * p + 1] = 100;
            rgb[3 * p + 2] = 50;
            grey[p] = 90;
        }
        Path rgbFile =
                write(of(BufferedImage.TYPE_3BYTE_BGR, 16, 16, rgb), "jpeg", dir.resolve("c.jpg"));
        Path greyFile =
                write(of(BufferedImage.TYPE_BYTE_GRAY, 16, 16, grey), "jpeg", dir.resolve("g.jpg"));

        // when
        Image color = Images.read(rgbFile);
        Image gray = Images.read(greyFile);

        // then
        assertThat(color.channels()).isEqualTo(3);
        assertThat(color.get(8, 8, 0)).isCloseTo(200 / 255f, within(3 / 255f));
        assertThat(color.get(8, 8, 1)).isCloseTo(100 / 255f, within(3 / 255f));
        assertThat(color.get(8, 8, 2)).isCloseTo(50 / 255f, within(3 / 255f));
        assertThat(gray.channels()).isEqualTo(1);
        assertThat(gray.get(3, 12, 0)).isCloseTo(90 / 255f, within(2 / 255f));
    }

    @Test
    void should_convert_channels_while_reading() throws Exception {
        // given
        Path greyFile =
                write(
                        of(BufferedImage.TYPE_BYTE_GRAY, 1, 1, new int[] {51}),
                        "png",
                        dir.resolve("g.png"));
        Path rgbFile =
                write(
                        of(BufferedImage.TYPE_3BYTE_BGR, 1, 1, new int[] {255, 102, 0}),
                        "png",
                        dir.resolve("c.png"));

        // when
        Image greyAsRgb = Images.read(greyFile, 3);
        Image rgbAsGrey = Images.read(rgbFile, 1);
        Image rgbAsRgba = Images.read(rgbFile, 4);

        // then: ITU-R 601 luma of (1.0, 0.4, 0.0) is 0.299 + 0.587 * 0.4 = 0.5338
        assertThat(greyAsRgb.data()).containsExactly(0.2f, 0.2f, 0.2f);
        assertThat(rgbAsGrey.get(0, 0, 0)).isCloseTo(0.5338f, within(1e-6f));
        assertThat(rgbAsRgba.data()).containsExactly(1f, 0.4f, 0f, 1f);
    }
}
