package io.dlkit.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.output.OutputFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one way dlkit writes files, and the one way it checks an output folder. */
class AtomicOutputWriterTest {
    @TempDir Path dir;

    @Test
    void should_refuse_to_replace_a_file_the_user_had_without_overwrite() throws IOException {
        // given
        Path mine = Files.writeString(dir.resolve("metrics.csv"), "mine");
        AtomicOutputWriter writer = new AtomicOutputWriter(() -> false);

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class, () -> writer.writeString(mine, "theirs"));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        mine
                                + " already exists; pass --overwrite to replace it or choose"
                                + " another path");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(mine).hasContent("mine");
    }

    @Test
    void should_rewrite_its_own_file_and_a_claimed_one_without_overwrite() throws IOException {
        // given
        AtomicOutputWriter writer = new AtomicOutputWriter(() -> false);
        Path log = dir.resolve("log.csv");
        Path resumed = Files.writeString(dir.resolve("resumed.csv"), "epoch 1");

        // when
        writer.writeString(log, "1");
        writer.writeString(log, "2");
        writer.claim(resumed);
        writer.writeString(resumed, "epoch 2");

        // then
        assertThat(log).hasContent("2");
        assertThat(resumed).hasContent("epoch 2");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("log.csv", "resumed.csv");
        }
    }

    @Test
    void should_never_replace_a_device_even_with_overwrite() {
        // given
        AtomicOutputWriter writer = new AtomicOutputWriter(() -> true);

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class, () -> writer.writeString(Path.of("/dev/null"), "x"));

        // then
        assertThat(e.getMessage())
                .isEqualTo("/dev/null is a character device; give a file path to write");
    }

    @Test
    void should_say_an_output_folder_is_a_file() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("out.csv"), "x");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class, () -> OutputFolders.prepare(file, "--out"));

        // then
        assertThat(e.getMessage())
                .isEqualTo("--out " + file + ": is a file, not a folder; give a folder path");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_say_a_folder_under_proc_is_not_writable() {
        // when: /proc refuses new entries, even to root
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> OutputFolders.prepare(Path.of("/proc/dlkit-out"), "--out"));

        // then
        assertThat(e.getMessage())
                .startsWith("--out /proc/dlkit-out: ")
                .matches(".*(not a writable folder \\(.*\\)|permission denied).*")
                .doesNotContain(".tmp")
                .doesNotContain(".probe");
    }

    @Test
    void should_say_a_path_through_a_file_cannot_be_a_folder() throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("f"), "x");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> OutputFolders.prepare(file.resolve("sub"), "--out"));

        // then
        assertThat(e.getMessage()).startsWith("--out " + file.resolve("sub") + ": ");
        assertThat(e.getMessage()).doesNotContain("Exception");
    }
}
