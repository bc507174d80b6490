package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.registry;
import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelinePlanTest {
    @TempDir Path dir;

    private Validation validate(String yaml, String... sets) {
        Path file = write(dir, "p.yaml", yaml);
        Path workDir = dir.resolve("cwd");
        return new PipelineValidator(registry(), workDir)
                .validate(PipelineLoader.load(file), List.of(sets));
    }

    @Test
    void should_order_steps_by_dependency_with_ties_in_file_order() {
        // given
        String yaml =
                """
                steps:
                  - id: last
                    uses: test/pass
                    inputs: {in: "${middle.out}"}
                  - id: first
                    uses: test/pass
                  - id: middle
                    uses: test/pass
                    inputs: {in: "${first.out}"}
                  - id: other
                    uses: test/pass
                """;

        // when
        Plan plan = validate(yaml).planOrThrow();

        // then
        assertThat(plan.steps())
                .extracting(PlannedStep::id)
                .containsExactly("first", "middle", "last", "other");
        assertThat(plan.name()).isEqualTo("p");
    }

    @Test
    void should_fill_defaults_convert_types_and_resolve_paths_against_the_file() {
        // given
        String yaml =
                """
                name: resolve
                inputs:
                  count: {type: int, default: 7}
                  photo: {type: path, default: images/a.png}
                  tag: {default: night}
                steps:
                  - id: s
                    uses: test/pass
                    with:
                      n: ${inputs.count}
                      ratio: 2
                      label: "${inputs.tag}-${inputs.count}"
                      file: ${inputs.photo}
                      sizes: [1, 2]
                """;

        // when
        Plan plan = validate(yaml).planOrThrow();

        // then
        assertThat(plan.inputs())
                .containsExactly(
                        entry("count", 7),
                        entry("photo", dir.resolve("images/a.png")),
                        entry("tag", "night"));
        assertThat(plan.steps().get(0).params())
                .containsExactly(
                        entry("n", 7),
                        entry("label", "night-7"),
                        entry("ratio", 2.0),
                        entry("flag", false),
                        entry("file", dir.resolve("images/a.png")),
                        entry("sizes", List.of(1L, 2L)));
    }

    @Test
    void should_apply_set_overrides_to_inputs_and_params() {
        // given
        String yaml =
                """
                inputs:
                  photo: {type: path, default: a.png}
                steps:
                  - id: small
                    uses: test/pass
                    with: {n: 3, file: "${inputs.photo}"}
                """;

        // when
        Plan plan =
                validate(yaml, "photo=b.png", "small.n=64", "small.flag=TRUE", "small.sizes=[4, 5]")
                        .planOrThrow();

        // then
        Path cwd = dir.resolve("cwd");
        assertThat(plan.inputs()).containsExactly(entry("photo", cwd.resolve("b.png")));
        assertThat(plan.steps().get(0).params())
                .containsExactly(
                        entry("n", 64),
                        entry("label", "x"),
                        entry("ratio", 0.5),
                        entry("flag", true),
                        entry("file", cwd.resolve("b.png")),
                        entry("sizes", List.of(4L, 5L)));
    }

    @Test
    void should_report_unknown_and_malformed_overrides() {
        // given
        String yaml =
                """
                inputs:
                  photo: {type: path, default: a.png}
                steps:
                  - id: small
                    uses: image/resize
                    inputs: {image: "${big.image}"}
                  - id: big
                    uses: image/load
                    with: {path: "${inputs.photo}"}
                """;

        // when
        List<String> problems =
                validate(
                                yaml,
                                "phot=b.png",
                                "smal.width=1",
                                "small.widht=64",
                                "small.width=abc",
                                "nonsense")
                        .problems()
                        .stream()
                        .map(Problem::format)
                        .toList();

        // then
        assertThat(problems)
                .containsExactly(
                        "--set nonsense: expected NAME=VALUE (a pipeline input) or STEP.PARAM=VALUE"
                                + " (a step parameter)",
                        "--set phot=b.png: unknown pipeline input 'phot'; did you mean 'photo'?"
                                + " (declared: photo)",
                        "--set smal.width=1: unknown step 'smal'; did you mean 'small'? (steps: small, big)",
                        "--set small.widht=64: unknown parameter 'widht' for step type image/resize;"
                                + " did you mean 'width'? (known: width, height, keep_aspect)",
                        "--set small.width=abc: expected int, got string \"abc\"");
    }

    @Test
    void should_take_one_path_or_a_list_of_paths_where_a_step_declares_paths() {
        // given
        String yaml =
                """
                inputs:
                  photo: {type: path, default: a.png}
                steps:
                  - id: one
                    uses: test/pass
                    with: {files: a.json}
                  - id: two
                    uses: test/pass
                    with: {files: [a.json, "${inputs.photo}"]}
                  - id: set
                    uses: test/pass
                """;
        String bad = yaml + "  - id: bad\n    uses: test/pass\n    with: {files: [a.json, 3]}\n";

        // when
        Plan plan = validate(yaml, "set.files=[x.json, y.json]").planOrThrow();
        List<String> problems = validate(bad).problems().stream().map(Problem::format).toList();

        // then: a single path stays a path, a list's paths are resolved one by one
        Path cwd = dir.resolve("cwd");
        assertThat(plan.steps())
                .extracting(s -> s.params().get("files"))
                .containsExactly(
                        dir.resolve("a.json"),
                        List.of(dir.resolve("a.json"), dir.resolve("a.png")),
                        List.of(cwd.resolve("x.json"), cwd.resolve("y.json")));
        assertThat(problems)
                .containsExactly(
                        dir.resolve("p.yaml")
                                + ":14:19: steps[3].with.files: expected paths, got int 3 at [1]");
    }

    @Test
    void should_wire_a_path_input_to_a_file_port_only() {
        // given
        String yaml =
                """
                inputs:
                  photo: {type: path, default: a.png}
                steps:
                  - id: any
                    uses: test/pass
                    inputs: {in: "${inputs.photo}"}
                  - id: small
                    uses: image/resize
                    inputs: {image: "${inputs.photo}"}
                """;

        // when
        Validation validation = validate(yaml);

        // then
        assertThat(validation.problems())
                .extracting(p -> p.format().replace(dir + "/", ""))
                .containsExactly(
                        "p.yaml:9:21: steps[1].inputs.image: input 'image' of"
                                + " image/resize expects image, but ${inputs.photo} is file");
    }
}
