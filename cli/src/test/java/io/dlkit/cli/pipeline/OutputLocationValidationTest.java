package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.registry;
import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.OutputLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Output locations (image/save's file) must stay inside the run's output folder. */
class OutputLocationValidationTest {
    @TempDir Path dir;

    private List<String> problems(String file, boolean allowOutside, List<String> sets) {
        String yaml =
                "steps:\n"
                        + "  - id: load\n"
                        + "    uses: image/load\n"
                        + "    with: {path: cat.png}\n"
                        + "  - id: save\n"
                        + "    uses: image/save\n"
                        + "    inputs: {image: \"${load.image}\"}\n"
                        + "    with:\n"
                        + "      file: "
                        + file
                        + "\n";
        Path p = write(dir, "p.yaml", yaml);
        return new PipelineValidator(registry(), dir, allowOutside)
                .validate(PipelineLoader.load(p), sets).problems().stream()
                        .map(Problem::format)
                        .map(s -> s.replace(dir + "/", ""))
                        .toList();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "../../x.png | p.yaml:9:13: steps[1].with.file: output location '../../x.png' leaves"
                        + " the run's output folder; give a path inside it (e.g. 'model') or pass"
                        + " --allow-outside-out",
                "a/../../x.png | p.yaml:9:13: steps[1].with.file: output location 'a/../../x.png'"
                        + " leaves the run's output folder; give a path inside it (e.g. 'model') or"
                        + " pass --allow-outside-out",
                "/tmp/x.png  | p.yaml:9:13: steps[1].with.file: output location '/tmp/x.png' is an"
                        + " absolute path; give a path inside the run's output folder (e.g. 'model')"
                        + " or pass --allow-outside-out",
                "'.'         | p.yaml:9:13: steps[1].with.file: output location '.' is the output"
                        + " folder itself; name a file or folder inside it"
            })
    void should_reject_output_locations_that_leave_the_output_folder(String file, String problem) {
        assertThat(problems(file, false, List.of())).containsExactly(problem);
    }

    @Test
    void should_reject_an_escaping_output_location_given_with_set() {
        // when
        List<String> problems = problems("x.png", false, List.of("save.file=../elsewhere.png"));

        // then
        assertThat(problems)
                .containsExactly(
                        "--set save.file=../elsewhere.png: output location '../elsewhere.png'"
                                + " leaves the run's output folder; give a path inside it (e.g."
                                + " 'model') or pass --allow-outside-out");
    }

    @Test
    void should_accept_outside_locations_with_the_opt_in_flag() {
        assertThat(problems("../x.png", true, List.of("save.file=/tmp/y.png"))).isEmpty();
    }

    @Test
    void should_accept_a_location_inside_the_folder_after_normalizing() {
        assertThat(problems("a/../b/x.png", false, List.of())).isEmpty();
    }

    @Test
    void should_refuse_a_location_that_leaves_through_a_symbolic_link() throws IOException {
        // given: out/link points outside out/
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.createSymbolicLink(out.resolve("link"), elsewhere);

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> OutputLocations.resolve(out, "link/x.png", false));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        "output location 'link/x.png' leads outside the run's output folder "
                                + out
                                + " through a symbolic link; give a path inside it or pass"
                                + " --allow-outside-out");
        assertThat(OutputLocations.resolve(out, "link/x.png", true))
                .isEqualTo(out.resolve("link/x.png"));
    }
}
