package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.registry;
import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.RunSettings;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Port;
import io.dlkit.cli.output.AtomicOutputWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunnerTest {
    @TempDir Path dir;
    private final StringWriter progress = new StringWriter();
    private final PipelineRunner runner = new PipelineRunner(new PrintWriter(progress, true));

    private RunRequest request(Path out, RunSettings settings) {
        return new RunRequest(
                out,
                settings,
                new AtomicOutputWriter(settings::overwrite),
                "9.9.9-test",
                () -> null);
    }

    private Plan plan(String yaml, FakeStep... steps) {
        Path file = write(dir, "p.yaml", yaml);
        return new PipelineValidator(registry(steps))
                .validate(PipelineLoader.load(file))
                .planOrThrow();
    }

    @Test
    void should_pass_outputs_in_memory_in_dependency_order() {
        // given
        FakeStep pass = Pipelines.pass();
        Plan plan =
                plan(
                        """
                steps:
                  - id: second
                    uses: test/pass
                    inputs: {in: "${first.out}"}
                  - id: first
                    uses: test/pass
                    with: {n: 5}
                """,
                        pass);

        // when
        RunResult result = runner.run(plan, request(dir.resolve("out"), RunSettings.defaults()));

        // then
        assertThat(pass.calls).extracting(FakeStep.Call::stepId).containsExactly("first", "second");
        assertThat(pass.calls.get(1).inputs()).isEqualTo(Map.of("in", "first.out"));
        assertThat(pass.calls.get(0).params()).containsEntry("n", 5);
        assertThat(result.stepMillis()).containsOnlyKeys("first", "second");
        assertThat(progress.toString().lines())
                .satisfiesExactly(
                        line ->
                                assertThat(line)
                                        .matches("\\[1/2] first \\(test/pass\\) \\.\\.\\. \\d+ ms"),
                        line ->
                                assertThat(line)
                                        .matches(
                                                "\\[2/2] second \\(test/pass\\) \\.\\.\\. \\d+ ms"));
    }

    @Test
    void should_stop_at_a_failing_step_and_name_it() throws IOException {
        // given
        FakeStep pass = Pipelines.pass();
        FakeStep fail =
                new FakeStep(
                                "test/fail",
                                List.of(),
                                List.of(),
                                List.of(Port.of("out", ArtifactType.JSON, "never")))
                        .body(
                                (context, params, inputs) -> {
                                    throw new IOException("disk on fire\nsecond line");
                                });
        Plan plan =
                plan(
                        """
                steps:
                  - id: ok
                    uses: test/pass
                  - id: boom
                    uses: test/fail
                  - id: after
                    uses: test/pass
                    inputs: {in: "${boom.out}"}
                """,
                        pass,
                        fail);
        Path out = dir.resolve("out");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> runner.run(plan, request(out, RunSettings.defaults())));

        // then
        assertThat(e.getMessage()).isEqualTo("step 'boom' (test/fail) failed: disk on fire");
        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(pass.calls).extracting(FakeStep.Call::stepId).containsExactly("ok");
        assertThat(progress.toString().lines().toList().get(1))
                .matches("\\[2/3] boom \\(test/fail\\) \\.\\.\\. failed after \\d+ ms");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("failed");
        assertThat(manifest.get("error").asText()).isEqualTo(e.getMessage());
        assertThat(manifest.get("steps"))
                .extracting(s -> s.get("id").asText() + " " + s.get("status").asText())
                .containsExactly("ok ok", "boom failed");
    }

    @Test
    void should_keep_the_exit_code_of_a_step_user_error() {
        // given
        FakeStep bad =
                new FakeStep("test/bad", List.of(), List.of(), List.of())
                        .body(
                                (context, params, inputs) -> {
                                    throw DlkitException.invalidInput("photo.png: not an image");
                                });
        Plan plan = plan("steps:\n  - id: bad\n    uses: test/bad\n", bad);

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                runner.run(
                                        plan, request(dir.resolve("out"), RunSettings.defaults())));

        // then
        assertThat(e.getMessage())
                .isEqualTo("step 'bad' (test/bad) failed: photo.png: not an image");
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void should_fail_a_step_that_does_not_return_a_declared_output() {
        // given
        FakeStep lazy =
                new FakeStep(
                                "test/lazy",
                                List.of(),
                                List.of(),
                                List.of(Port.of("out", ArtifactType.JSON, "promised")))
                        .body((context, params, inputs) -> Map.of());
        Plan plan = plan("steps:\n  - id: lazy\n    uses: test/lazy\n", lazy);

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () ->
                                runner.run(
                                        plan, request(dir.resolve("out"), RunSettings.defaults())));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        "step 'lazy' (test/lazy) failed: step type test/lazy"
                                + " did not return its declared output 'out'");
    }

    @Test
    void should_refuse_to_replace_a_previous_run_without_overwrite() throws IOException {
        // given
        FakeStep pass = Pipelines.pass();
        Plan plan = plan("steps:\n  - id: a\n    uses: test/pass\n", pass);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("manifest.json"), "{}");

        // when
        DlkitException e =
                catchThrowableOfType(
                        DlkitException.class,
                        () -> runner.run(plan, request(out, RunSettings.defaults())));

        // then
        assertThat(e.getMessage())
                .isEqualTo(
                        out.resolve("manifest.json")
                                + " already exists; pass --overwrite to replace it or choose another path");
        assertThat(pass.calls).isEmpty();
    }

    @Test
    void should_print_nothing_when_quiet() {
        // given
        Plan plan = plan("steps:\n  - id: a\n    uses: test/pass\n", Pipelines.pass());
        RunSettings quiet = new RunSettings("cpu", 0, 42L, "table", true, false, false, dir);

        // when
        runner.run(plan, request(dir.resolve("out"), quiet));

        // then
        assertThat(progress.toString()).isEmpty();
    }

    @Test
    void should_record_the_tensorflow_version_only_when_the_caller_knows_it() throws IOException {
        // given
        Plan plan = plan("steps:\n  - id: a\n    uses: test/pass\n", Pipelines.pass());
        RunRequest known =
                new RunRequest(
                        dir.resolve("known"),
                        RunSettings.defaults(),
                        new AtomicOutputWriter(() -> false),
                        "0.1.0",
                        () -> "2.18.0");

        // when
        RunResult withVersion = runner.run(plan, known);
        RunResult without =
                runner.run(plan, request(dir.resolve("unknown"), RunSettings.defaults()));

        // then
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(withVersion.manifest().toFile()).get("tensorflow").asText())
                .isEqualTo("2.18.0");
        assertThat(json.readTree(without.manifest().toFile()).has("tensorflow")).isFalse();
    }

    @Test
    void should_print_the_resolved_plan_on_a_dry_run_and_run_nothing() {
        // given
        FakeStep pass = Pipelines.pass();
        Plan plan =
                plan(
                        """
                name: demo
                description: two steps
                inputs:
                  count: {type: int, default: 2}
                steps:
                  - id: b
                    uses: test/pass
                    inputs: {in: "${a.out}"}
                    with: {n: "${inputs.count}"}
                  - id: a
                    uses: test/pass
                """,
                        pass);
        StringWriter out = new StringWriter();

        // when
        PlanPrinter.print(plan, new PrintWriter(out));

        // then
        assertThat(out.toString())
                .isEqualToNormalizingNewlines(
                        """
                pipeline demo (%s)
                  two steps
                inputs:
                  count = 2
                steps, in run order:
                  [1/2] a (test/pass)
                      n = 1
                      label = x
                      ratio = 0.5
                      flag = false
                  [2/2] b (test/pass)
                      in <- ${a.out}
                      n = 2
                      label = x
                      ratio = 0.5
                      flag = false
                """
                                .formatted(dir.resolve("p.yaml")));
        assertThat(pass.calls).isEmpty();
    }
}
