package io.dlkit.backend.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesErrorsTest {
    @TempDir Path dir;

    @Test
    void should_reject_an_empty_file() throws Exception {
        Path file = Files.createFile(dir.resolve("empty.png"));

        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(file + ": the file is empty; expected a PNG or JPEG image");
    }

    @Test
    void should_reject_a_text_file_named_png() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.png"), "these are not pixels\n");

        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": not an image javax.imageio can read (PNG, JPEG, BMP or GIF);"
                                + " check the path and that the file really is an image");
    }

    @Test
    void should_reject_random_bytes() throws Exception {
        byte[] garbage = new byte[1 << 20];
        new Random(3).nextBytes(garbage);
        Path file = Files.write(dir.resolve("noise.jpg"), garbage);

        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": not an image javax.imageio can read (PNG, JPEG, BMP or GIF);"
                                + " check the path and that the file really is an image");
    }

    @Test
    void should_reject_a_truncated_png() throws Exception {
        // given: a noisy image (so the data does not compress away), cut in half
        int[] samples = new int[64 * 64 * 3];
        Random random = new Random(5);
        Arrays.setAll(samples, i -> random.nextInt(256));
        Path whole =
                TestImages.write(
                        TestImages.of(BufferedImage.TYPE_3BYTE_BGR, 64, 64, samples),
                        "png",
                        dir.resolve("whole.png"));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(dir.resolve("cut.png"), Arrays.copyOf(bytes, bytes.length / 2));

        // when / then: the middle part is javax.imageio's own description
        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": cannot decode the PNG image (")
                .hasMessageEndingWith("); the file is truncated or corrupt, re-export it")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void should_reject_a_png_of_zero_width() throws Exception {
        // given: a PNG signature and an IHDR chunk declaring a 0x1 grey image
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        png.writeBytes(
                chunk("IHDR", ByteBuffer.allocate(13).putInt(0).putInt(1).put((byte) 8).array()));
        png.writeBytes(chunk("IEND", new byte[0]));
        Path file = Files.write(dir.resolve("zero.png"), png.toByteArray());

        // when / then
        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": cannot decode the PNG image (I/O error reading PNG header!:"
                                + " Image width <= 0!); the file is"
                                + " truncated or corrupt, re-export it");
    }

    @Test
    void should_name_the_missing_file() {
        Path file = dir.resolve("missing.png");

        assertThatThrownBy(() -> Images.read(file))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(file.toString());
    }

    @Test
    void should_reject_an_unknown_extension_when_writing() {
        Path file = dir.resolve("out.bmp");
        Image img = new Image(new float[1], 1, 1, 1);

        assertThatThrownBy(() -> Images.write(file, img))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": cannot write an image with extension '.bmp' (supported: .png,"
                                + " .jpg, .jpeg); choose one of those");
        assertThat(dir.toFile().list()).isEmpty();
    }

    private static byte[] chunk(String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        return ByteBuffer.allocate(12 + data.length)
                .putInt(data.length)
                .put(name)
                .put(data)
                .putInt((int) crc.getValue())
                .array();
    }
}
