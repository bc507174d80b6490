package io.dlkit.plugins.embeddings.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusReaderTest {
    @TempDir Path dir;

    /** Words as they come, a line end as "|". */
    private static List<String> tokens(Path source, boolean lowercase) {
        List<String> out = new ArrayList<>();
        new CorpusReader(lowercase)
                .read(
                        source,
                        new TokenSink() {
                            @Override
                            public void word(String word) {
                                out.add(word);
                            }

                            @Override
                            public void endOfSentence() {
                                out.add("|");
                            }
                        });
        return out;
    }

    @Test
    void should_split_on_spaces_tabs_and_line_ends_like_word2vec() throws IOException {
        // given: CRLF line ends, a tab, runs of spaces, punctuation kept on words as the C tool
        // does
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "The  cat\tsat.\r\nOn the mat\n\nend");

        // then: '\r' ignored, every '\n' closes a sentence, and the end of the file too
        assertThat(tokens(file, false))
                .containsExactly(
                        "The", "cat", "sat.", "|", "On", "the", "mat", "|", "|", "end", "|");
    }

    @Test
    void should_lowercase_when_asked_and_keep_multibyte_words_whole() throws IOException {
        // given: 2, 3 and 4-byte UTF-8 characters
        Path file = dir.resolve("u.txt");
        Files.writeString(file, "Straße NAÏVE 日本語 😀x", StandardCharsets.UTF_8);

        assertThat(tokens(file, true)).containsExactly("straße", "naïve", "日本語", "😀x", "|");
        assertThat(tokens(file, false)).startsWith("Straße", "NAÏVE");
    }

    @Test
    void should_read_every_file_of_a_folder_in_path_order_skipping_hidden_files()
            throws IOException {
        // given
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("b.txt"), "two");
        Files.writeString(dir.resolve("a.txt"), "one");
        Files.writeString(dir.resolve("sub/c.txt"), "three");
        Files.writeString(dir.resolve(".hidden"), "never");

        assertThat(tokens(dir, false)).containsExactly("one", "|", "two", "|", "three", "|");
    }

    @Test
    void should_name_the_file_and_byte_offset_of_invalid_utf8() throws IOException {
        // given: "ok caf" then a lone Latin-1 e-acute (0xE9) at byte 6
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'o', 'k', ' ', 'c', 'a', 'f', (byte) 0xE9, ' ', 'x'});

        // then
        assertThatThrownBy(() -> tokens(file, false))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        file
                                + ": invalid UTF-8 at byte 6; convert the file to UTF-8 (e.g. iconv"
                                + " -f latin1 -t utf-8)")
                .extracting(e -> ((DlkitException) e).exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_find_invalid_utf8_beyond_the_first_buffer() throws IOException {
        // given: 100,000 valid bytes, then a truncated 3-byte sequence at the very end
        byte[] bytes = new byte[100_002];
        java.util.Arrays.fill(bytes, (byte) 'a');
        bytes[100_000] = (byte) 0xE6;
        bytes[100_001] = (byte) 0x97;
        Path file = dir.resolve("cut.txt");
        Files.write(file, bytes);

        assertThatThrownBy(() -> tokens(file, false))
                .hasMessageStartingWith(file + ": invalid UTF-8 at byte 100000;");
    }

    @Test
    void should_reject_a_missing_source_with_one_line() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> tokens(missing, false))
                .hasMessage(
                        "--text "
                                + missing
                                + ": no such file or folder; give a text file or a folder");
    }
}
