package io.dlkit.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.cli.DlkitApplication;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlkit validate} and {@code dlkit run} through the real command line, no plugins. */
class PipelineCommandsTest {
    private static final Path PIPELINE =
            Pipelines.repositoryRoot().resolve("pipelines/annotate-image.yaml");

    @TempDir Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int dlkit(String... args) {
        return DlkitApplication.run(
                args, new PrintWriter(out, true), new PrintWriter(err, true), Map.of());
    }

    @Test
    void should_validate_the_ready_made_pipeline() {
        // when
        int code = dlkit("validate", PIPELINE.toString());

        // then
        assertThat(code).isZero();
        assertThat(out.toString())
                .isEqualToIgnoringNewLines(
                        PIPELINE
                                + ": ok, pipeline annotate-image with 4 steps: load, small, boxed, save");
    }

    @Test
    void should_report_every_problem_and_exit_2() {
        // given
        Path file =
                Pipelines.write(
                        dir,
                        "bad.yaml",
                        "steps:\n  - id: a\n    uses: image/lod\n  - id: b\n    uses: image/resize\n");

        // when
        int code = dlkit("validate", file.toString());

        // then
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .containsExactly(
                        "error: "
                                + file
                                + ":3:11: steps[0].uses: unknown step type 'image/lod'; did you"
                                + " mean 'image/load'? (known: boxes/load, boxes/save, image/draw-boxes, image/draw-points,"
                                + " image/edges, image/load, image/resize,"
                                + " image/save, nn/eval, nn/predict, nn/train, points/load)",
                        "error: "
                                + file
                                + ":4:5: steps[1].inputs.image: missing required input 'image'"
                                + " (image: the image to resize) for step type image/resize",
                        file + ": 2 problems; nothing was run");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void should_print_the_plan_on_a_dry_run_and_write_nothing() {
        // given
        Path target = dir.resolve("run");

        // when
        int code =
                dlkit(
                        "run",
                        PIPELINE.toString(),
                        "--dry-run",
                        "--out",
                        target.toString(),
                        "--set",
                        "small.width=120");

        // then
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains(
                        "  [2/4] small (image/resize)\n"
                                + "      image <- ${load.image}\n      width = 120\n");
        assertThat(target).doesNotExist();
    }

    @Test
    void should_run_with_overrides_into_the_given_directory() throws IOException {
        // given
        Path target = dir.resolve("run");

        // when
        int code =
                dlkit(
                        "-q",
                        "run",
                        PIPELINE.toString(),
                        "--out",
                        target.toString(),
                        "--set",
                        "small.width=120",
                        "--set",
                        "output=small.jpg");

        // then
        assertThat(code).isZero();
        Image image = Images.read(target.resolve("small.jpg"));
        assertThat(List.of(image.height(), image.width())).containsExactly(80, 120);
        assertThat(target.resolve("manifest.json")).isRegularFile();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines())
                .satisfiesExactly(
                        line ->
                                assertThat(line)
                                        .matches("ok: pipeline annotate-image, 4 steps in \\d+ ms"),
                        line ->
                                assertThat(line)
                                        .isEqualTo("output:   " + target.resolve("small.jpg")),
                        line ->
                                assertThat(line)
                                        .isEqualTo("manifest: " + target.resolve("manifest.json")));
    }
}
