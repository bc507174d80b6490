package io.dlkit.backend.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir Path dir;

    // Two 2x3 images; 51 / 255 = 0.2 and 102 / 255 = 0.4 exactly in decimal.
    private static final byte[] PIXELS = {
        0, (byte) 255, 51, 102, 1, (byte) 128, 7, 8, 9, 10, 11, 12
    };
    private static final byte[] LABELS = {3, 0};

    @Test
    void should_read_raw_images_as_pixels_over_255() throws Exception {
        // given
        Path file =
                IdxFiles.write(
                        dir.resolve("x-images-idx3-ubyte"), IdxFiles.images(2, 2, 3, PIXELS));

        // when
        IdxReader.Images images = IdxReader.readImages(file);

        // then
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.rows()).isEqualTo(2);
        assertThat(images.cols()).isEqualTo(3);
        assertThat(images.pixels()).hasSize(12);
        assertThat(images.pixels()[0]).isEqualTo(0f);
        assertThat(images.pixels()[1]).isEqualTo(1f);
        assertThat(images.pixels()[2]).isEqualTo(51 / 255f);
        assertThat(images.pixels()[3]).isEqualTo(102 / 255f);
        assertThat(images.pixels()[5]).isEqualTo(128 / 255f); // unsigned, not -128
        assertThat(images.pixels()[11]).isEqualTo(12 / 255f);
    }

    @Test
    void should_read_gzipped_files_the_same_as_raw_ones() throws Exception {
        // given
        Path rawX = IdxFiles.write(dir.resolve("a-images"), IdxFiles.images(2, 2, 3, PIXELS));
        Path rawY = IdxFiles.write(dir.resolve("a-labels"), IdxFiles.labels(2, LABELS));
        Path gzX = IdxFiles.writeGz(dir.resolve("b-images.gz"), IdxFiles.images(2, 2, 3, PIXELS));
        Path gzY = IdxFiles.writeGz(dir.resolve("b-labels.gz"), IdxFiles.labels(2, LABELS));

        // when
        Dataset raw = IdxReader.read(rawX, rawY);
        Dataset gz = IdxReader.read(gzX, gzY);

        // then
        assertThat(gz.features()).isEqualTo(raw.features());
        assertThat(gz.labels()).containsExactly(3, 0);
        assertThat(gz.featureShape()).containsExactly(2, 3, 1);
        assertThat(gz.numClasses()).isEqualTo(4); // the largest label, 3, plus one
        assertThat(gz.size()).isEqualTo(2);
    }

    @Test
    void should_read_labels_as_unsigned_bytes() throws Exception {
        // given
        Path file =
                IdxFiles.write(dir.resolve("l"), IdxFiles.labels(3, new byte[] {9, 0, (byte) 200}));

        // when / then
        assertThat(IdxReader.readLabels(file)).containsExactly(9, 0, 200);
    }

    @Test
    void should_reject_an_empty_file() throws Exception {
        Path file = Files.write(dir.resolve("empty.gz"), new byte[0]);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": the file is empty; expected an IDX image file (magic number 2051)");
    }

    @Test
    void should_reject_a_labels_file_given_as_images() throws Exception {
        Path file = IdxFiles.write(dir.resolve("y"), IdxFiles.labels(2, LABELS));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": magic number 2049, expected an IDX image file (magic number"
                                + " 2051); this is a label file");
    }

    @Test
    void should_reject_an_images_file_given_as_labels() throws Exception {
        Path file = IdxFiles.write(dir.resolve("x"), IdxFiles.images(2, 2, 3, PIXELS));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(
                        file
                                + ": magic number 2051, expected an IDX label file (magic number"
                                + " 2049); this is an image file");
    }

    @Test
    void should_reject_a_file_that_is_not_idx() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello world, not IDX");

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(
                        file
                                + ": magic number 1751477356, expected an IDX label file (magic"
                                + " number 2049)"); // "hell" as a big-endian int
    }

    @Test
    void should_reject_truncated_pixels() throws Exception {
        byte[] bytes = IdxFiles.images(2, 2, 3, PIXELS);
        Path file = IdxFiles.writeGz(dir.resolve("x.gz"), Arrays.copyOf(bytes, bytes.length - 1));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(
                        file
                                + ": truncated: the header promises 2 images of 2x3 (12 bytes)"
                                + " but 11 bytes follow");
    }

    @Test
    void should_reject_bytes_after_the_data() throws Exception {
        Path file = IdxFiles.write(dir.resolve("y"), IdxFiles.labels(1, LABELS));

        assertThatThrownBy(() -> IdxReader.readLabels(file))
                .hasMessage(
                        file
                                + ": 1 unexpected bytes after 1 labels; the header and the data"
                                + " disagree");
    }

    @Test
    void should_reject_a_truncated_header() throws Exception {
        byte[] header = Arrays.copyOf(IdxFiles.images(2, 2, 3, PIXELS), 10);
        Path file = IdxFiles.write(dir.resolve("x"), header);

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(file + ": truncated header of 10 bytes; an IDX image header has 16");
    }

    @Test
    void should_reject_corrupt_gzip_data() throws Exception {
        Path good = IdxFiles.writeGz(dir.resolve("good.gz"), IdxFiles.images(2, 2, 3, PIXELS));
        byte[] bytes = Files.readAllBytes(good);
        Path file = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        file
                                + ": corrupt gzip data (Unexpected end of ZLIB input stream);"
                                + " download the file again");
    }

    @Test
    void should_reject_images_and_labels_of_different_counts() throws Exception {
        Path x = IdxFiles.write(dir.resolve("x"), IdxFiles.images(2, 2, 3, PIXELS));
        Path y = IdxFiles.write(dir.resolve("y"), IdxFiles.labels(1, new byte[] {1}));

        assertThatThrownBy(() -> IdxReader.read(x, y))
                .hasMessage(
                        y
                                + ": 1 labels for the 2 images in "
                                + x
                                + "; use the label file that"
                                + " belongs to the images");
    }

    @Test
    void should_refuse_a_header_that_promises_more_than_an_array_holds_without_overflowing()
            throws Exception {
        // given: 65535^3 = 281462092005375 bytes; 2147483647^3 overflows a long
        Path big = IdxFiles.write(dir.resolve("big"), IdxFiles.images(65535, 65535, 65535, PIXELS));
        int max = Integer.MAX_VALUE;
        Path huge = IdxFiles.write(dir.resolve("huge"), IdxFiles.images(max, max, max, PIXELS));

        // when / then
        assertThatThrownBy(() -> IdxReader.readImages(big))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        big
                                + ": the header promises 65535 images of 65535x65535"
                                + " (281462092005375 bytes), more than the 2147483639 bytes one"
                                + " file can hold; the header is corrupt or the file is not IDX");
        assertThatThrownBy(() -> IdxReader.readImages(huge))
                .hasMessageContaining("(9903520300447984150353281023 bytes)");
    }

    @Test
    void should_report_a_large_truncation_by_the_bytes_that_really_follow() throws Exception {
        // given: 60000 MNIST images promised, 12 bytes present
        Path file = IdxFiles.writeGz(dir.resolve("x.gz"), IdxFiles.images(60000, 28, 28, PIXELS));

        assertThatThrownBy(() -> IdxReader.readImages(file))
                .hasMessage(
                        file
                                + ": truncated: the header promises 60000 images of 28x28"
                                + " (47040000 bytes) but 12 bytes follow");
    }
}
