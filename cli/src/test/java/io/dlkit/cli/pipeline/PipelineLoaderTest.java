package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class PipelineLoaderTest {
    @TempDir Path dir;

    @Test
    void should_keep_line_and_column_of_keys_and_values() {
        // given
        Path file = write(dir, "p.yaml", "name: x\nsteps:\n  - id: load\n    uses: image/load\n");

        // when
        Node.MapNode root = (Node.MapNode) PipelineLoader.load(file).root();

        // then
        Node.MapNode step =
                (Node.MapNode) ((Node.ListNode) root.get("steps").orElseThrow()).items().get(0);
        assertThat(root.entry("steps").orElseThrow().keyPosition()).isEqualTo(new Position(2, 1));
        assertThat(step.entry("uses").orElseThrow().keyPosition()).isEqualTo(new Position(4, 5));
        assertThat(step.get("uses").orElseThrow().position()).isEqualTo(new Position(4, 11));
    }

    @Test
    void should_report_a_missing_file() {
        // given
        Path file = dir.resolve("nope.yaml");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage()).isEqualTo(file + ": no such file");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_report_a_directory() throws IOException {
        // given
        Path file = Files.createDirectory(dir.resolve("pipe.yaml"));

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(file + ": is a directory; give a pipeline file (.yaml, .yml or .json)");
    }

    @Test
    void should_reject_a_file_without_a_pipeline_extension() {
        // given
        Path file = write(dir, "pipe.txt", "steps: []\n");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        file + ": not a pipeline file: the name must end in .yaml, .yml or .json");
    }

    @Test
    void should_report_an_empty_file() {
        // given
        Path file = write(dir, "empty.yaml", "# nothing here\n");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(file + ":1:1: the file is empty; a pipeline needs at least 'steps:'");
    }

    @Test
    void should_report_a_yaml_syntax_error_with_its_place() {
        // given
        Path file = write(dir, "bad.yaml", "name: x\nsteps:\n  - id: a\n   uses: b\n");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + ":4:4: YAML syntax error: expected <block end>,"
                                + " but found '<block mapping start>' (while parsing a block collection)");
        assertThat(e.problems()).hasSize(1);
    }

    @Test
    void should_report_a_json_syntax_error_with_its_place() {
        // given
        Path file =
                write(dir, "bad.json", "{\"steps\": [\n  {\"id\": \"a\",, \"uses\": \"b\"}\n]}\n");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + ":2:14: JSON syntax error: Unexpected character"
                                + " (',' (code 44)): was expecting double-quote to start field name");
    }

    @Test
    @Timeout(10)
    void should_refuse_a_10_mb_garbage_file_quickly_with_one_line() throws IOException {
        // given
        byte[] garbage = new byte[10 << 20];
        new Random(7).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.yaml"), garbage);

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        file
                                + ": too large for a pipeline file (over 1 MiB); is it the right file?");
    }

    @Test
    @Timeout(10)
    void should_report_garbage_under_the_size_limit_in_one_printable_line() throws IOException {
        // given
        byte[] garbage = new byte[900_000];
        new Random(11).nextBytes(garbage);
        Path file = Files.write(dir.resolve("garbage.yml"), garbage);

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage()).startsWith(file + ":1:").doesNotContain("\n");
        assertThat(e.getMessage().chars().noneMatch(Character::isISOControl)).isTrue();
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void should_report_a_duplicate_key_and_keep_the_first_value() {
        // given
        Path file = write(dir, "dup.yaml", "steps:\n  - id: a\n    uses: b\n    id: c\n");

        // when
        PipelineFile loaded = PipelineLoader.load(file);

        // then
        assertThat(loaded.problems())
                .extracting(Problem::format)
                .containsExactly(file + ":4:5: steps[0].id: duplicate key 'id' (first at 2:5)");
    }

    @Test
    void should_refuse_more_than_one_yaml_document() {
        // given
        Path file = write(dir, "two.yaml", "steps: []\n---\nsteps: []\n");

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage())
                .isEqualTo(file + ":3:1: more than one YAML document; put the pipeline in one");
    }

    @Test
    void should_refuse_absurd_nesting_without_overflowing_the_stack() {
        // given
        Path file = write(dir, "deep.json", "[".repeat(100_000));

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, () -> PipelineLoader.load(file));

        // then
        assertThat(e.getMessage()).startsWith(file + ":1:").doesNotContain("\n");
    }
}
