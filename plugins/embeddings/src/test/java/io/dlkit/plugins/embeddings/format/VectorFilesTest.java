package io.dlkit.plugins.embeddings.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VectorFilesTest {
    @TempDir Path dir;

    /** 1, 2, 3 and 4-byte UTF-8 words; values that need every digit of a float. */
    private static final WordVectors VECTORS =
            new WordVectors(
                    List.of("the", "straße", "日本語", "😀", "naïve"),
                    new float[] {
                        0.1f,
                        -2.5e-8f,
                        3f,
                        1f / 3,
                        -0f,
                        7e5f,
                        Float.MIN_NORMAL,
                        1e-3f,
                        -0.333333f,
                        42f
                    },
                    2);

    private Path write(String name, VectorFormat format) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            VectorFiles.write(VECTORS, format, out);
        }
        return file;
    }

    @ParameterizedTest
    @EnumSource(VectorFormat.class)
    void should_round_trip_every_format_exactly_with_multibyte_words(VectorFormat format)
            throws IOException {
        // given
        Path file = write("v." + format.id(), format);

        // when
        WordVectors back = VectorFiles.read(file);

        // then: the format is told from the content alone, and nothing changes
        assertThat(VectorFiles.detect(file)).isEqualTo(format);
        assertThat(back.words()).isEqualTo(VECTORS.words());
        assertThat(back.dim()).isEqualTo(2);
        assertThat(back.data()).containsExactly(VECTORS.data());
    }

    @Test
    void should_write_word2vec_binary_byte_for_byte_as_the_c_tool() throws IOException {
        // given
        WordVectors one = new WordVectors(List.of("é"), new float[] {1f, -2f}, 2);
        Path file = dir.resolve("one.bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            Word2VecBinary.write(one, out);
        }

        // then: "1 2\n", the word's UTF-8 bytes, a space, two little-endian floats, "\n"
        assertThat(Files.readAllBytes(file))
                .containsExactly(
                        '1', ' ', '2', '\n', 0xC3, 0xA9, ' ', 0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0,
                        '\n');
    }

    @Test
    void should_write_text_formats_with_and_without_the_header() throws IOException {
        WordVectors one = new WordVectors(List.of("a"), new float[] {0.5f, -1f}, 2);
        Path text = dir.resolve("a.txt");
        Path glove = dir.resolve("a.glove");
        try (OutputStream out = Files.newOutputStream(text)) {
            VectorText.write(one, out, true);
        }
        try (OutputStream out = Files.newOutputStream(glove)) {
            VectorText.write(one, out, false);
        }
        assertThat(Files.readString(text)).isEqualTo("1 2\na 0.5 -1.0\n");
        assertThat(Files.readString(glove)).isEqualTo("a 0.5 -1.0\n");
    }

    @Test
    void should_read_npz_written_by_numpy_conventions() throws IOException {
        // given: an archive written with the backend's Npz, float64 vectors
        byte[] words = "x\ny".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("np.npz");
        Npz.write(
                file,
                Map.of(
                        "vectors", NdArray.of(new double[] {1, 2, 3, 4}, 2, 2),
                        "words", NdArray.of(words, words.length)));

        WordVectors v = VectorFiles.read(file);
        assertThat(v.words()).containsExactly("x", "y");
        assertThat(v.vector(1)).containsExactly(3f, 4f);
    }

    @Test
    void should_reject_a_ragged_row_naming_file_line_and_word() throws IOException {
        Path file = dir.resolve("ragged.txt");
        Files.writeString(file, "2 3\nking 1 2 3\nqueen 1 2\n");

        assertThatThrownBy(() -> VectorFiles.read(file))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        file
                                + ":3: 'queen' has 2 values, expected 3 (the header's D); every"
                                + " row needs the same number of values");
    }

    @Test
    void should_reject_a_ragged_glove_row_against_the_first_row() throws IOException {
        Path file = dir.resolve("ragged.glove");
        Files.writeString(file, "king 1 2 3\nqueen 1 2 3 4\n");

        assertThatThrownBy(() -> VectorFiles.read(file))
                .hasMessage(
                        file
                                + ":2: 'queen' has 4 values, expected 3 (as the first row); every"
                                + " row needs the same number of values");
    }

    @Test
    void should_reject_a_header_that_is_not_v_d() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "vectors of words\nking 1 2\n");

        assertThatThrownBy(() -> VectorFiles.read(file))
                .hasMessage(
                        file
                                + ":1: 'vectors of words' is neither a 'V D' header (word2vec) nor"
                                + " 'word x1 ... xD' (GloVe); give a word2vec, GloVe or .npz vectors file");
    }

    @Test
    void should_reject_a_header_whose_count_does_not_match_the_rows() throws IOException {
        Path file = dir.resolve("count.txt");
        Files.writeString(file, "3 2\na 1 2\nb 3 4\n");

        assertThatThrownBy(() -> VectorFiles.read(file))
                .hasMessage(
                        file
                                + ": the header announces 3 words but the file has 2 rows; fix"
                                + " the header's V");
    }

    @Test
    void should_reject_a_header_announcing_more_vectors_than_the_file_holds() throws IOException {
        // given: two billion vectors of one float announced in a 20-byte file
        Path file = dir.resolve("huge.bin");
        Files.write(file, "2000000000 1\na \0\0\0\0\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> Word2VecBinary.read(file))
                .hasMessage(
                        file
                                + ":1: the header announces 2000000000 vectors, more than the"
                                + " file's 20 bytes can hold; fix the header's V");
    }

    @Test
    void should_reject_a_truncated_binary_file() throws IOException {
        Path file = write("cut.bin", VectorFormat.WORD2VEC_BINARY);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 6));

        assertThatThrownBy(() -> VectorFiles.read(file))
                .hasMessage(
                        file
                                + ": the file ends in vector 5 of the 5 its header announces; the"
                                + " file is truncated or the header is wrong");
    }

    @Test
    void should_pick_the_output_format_from_the_extension_or_the_option() {
        assertThat(VectorFiles.forOutput(Path.of("v.bin"), null))
                .isEqualTo(VectorFormat.WORD2VEC_BINARY);
        assertThat(VectorFiles.forOutput(Path.of("v.vec"), null))
                .isEqualTo(VectorFormat.WORD2VEC_TEXT);
        assertThat(VectorFiles.forOutput(Path.of("v.npz"), null)).isEqualTo(VectorFormat.NPZ);
        assertThat(VectorFiles.forOutput(Path.of("v.txt"), "glove-text"))
                .isEqualTo(VectorFormat.GLOVE_TEXT);
        assertThatThrownBy(() -> VectorFiles.forOutput(Path.of("v.dat"), null))
                .hasMessage(
                        "v.dat: cannot tell the format from the extension; name it .bin, .txt,"
                                + " .vec or .npz, or give --to word2vec-bin, word2vec-text, glove-text, npz");
        assertThatThrownBy(() -> VectorFormat.of("fasttext"))
                .hasMessage(
                        "unknown vector format 'fasttext'; use one of word2vec-bin,"
                                + " word2vec-text, glove-text, npz");
    }
}
