package io.dlkit.backend.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void should_replace_an_existing_file_and_leave_no_temporary_file() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("out.txt"), "old");

        // when
        AtomicFiles.write(file, "new".getBytes());

        // then
        assertThat(file).hasContent("new");
        assertThat(dir.toFile().list()).containsExactly("out.txt");
    }

    @Test
    void should_keep_the_old_file_when_writing_fails() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("out.txt"), "old");

        // when
        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        file,
                                        out -> {
                                            out.write("half".getBytes());
                                            throw new IOException("disk full");
                                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("disk full");

        // then
        assertThat(file).hasContent("old");
        assertThat(dir.toFile().list()).containsExactly("out.txt");
    }

    @Test
    void should_say_when_the_directory_does_not_exist() {
        // given
        Path file = dir.resolve("missing/out.txt");

        // when / then
        assertThatThrownBy(() -> AtomicFiles.write(file, new byte[1]))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessage(
                        dir.resolve("missing")
                                + ": the output directory does not exist; create it first");
    }

    @Test
    void should_write_a_file_named_relative_to_the_working_directory() throws Exception {
        // given: a bare file name has no parent until made absolute
        Path relative = Path.of("target", "atomic-files-test.tmp-out");
        Files.createDirectories(relative.toAbsolutePath().getParent());

        // when
        AtomicFiles.write(relative, "x".getBytes());

        // then
        assertThat(relative).hasContent("x");
        Files.delete(relative);
    }
}
