package io.dlkit.cli.pipeline;

import static io.dlkit.cli.pipeline.Pipelines.registry;
import static io.dlkit.cli.pipeline.Pipelines.resource;
import static io.dlkit.cli.pipeline.Pipelines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineValidatorTest {
    @TempDir Path dir;
    private final PipelineValidator validator = new PipelineValidator(registry());

    private List<String> problems(Path file) {
        return validator.validate(PipelineLoader.load(file)).problems().stream()
                .map(Problem::format)
                .toList();
    }

    /** Problems of an inline pipeline, the temporary directory left out of the file name. */
    private List<String> problems(String yaml) {
        return problems(write(dir, "p.yaml", yaml)).stream()
                .map(p -> p.replace(dir + "/", ""))
                .toList();
    }

    @Test
    void should_report_several_problems_at_once_in_file_order() {
        // given
        Path file = resource("several-problems.yaml");

        // when
        List<String> problems = problems(file);

        // then
        assertThat(problems)
                .containsExactly(
                        file
                                + ":2:1: descripton: unknown key 'descripton'; did you mean 'description'?"
                                + " (known: name, description, inputs, steps)",
                        file
                                + ":7:5: steps[1].inputs.image: missing required input 'image'"
                                + " (image: the image to resize) for step type image/resize",
                        file
                                + ":9:5: steps[1].inptus: unknown key 'inptus'; did you mean 'inputs'?"
                                + " (known: id, uses, with, inputs, description)",
                        file
                                + ":10:12: steps[1].with.widht: unknown parameter 'widht' for step type"
                                + " image/resize; did you mean 'width'? (known: width, height, keep_aspect)",
                        file
                                + ":12:11: steps[2].uses: unknown step type 'image/sav'; did you mean"
                                + " 'image/save'? (known: boxes/load, boxes/save, image/draw-boxes, image/draw-points,"
                                + " image/edges, image/load, image/resize,"
                                + " image/save, points/load, test/pass)");
    }

    @Test
    void should_reject_unknown_step_type() {
        // when
        List<String> problems = problems("steps:\n  - id: a\n    uses: detector/detekt\n");

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:3:11: steps[0].uses: unknown step type"
                                + " 'detector/detekt' (known: boxes/load, boxes/save, image/draw-boxes, image/draw-points,"
                                + " image/edges, image/load, image/resize,"
                                + " image/save, points/load, test/pass)");
    }

    @Test
    void should_reject_params_of_the_wrong_type() {
        // given
        Path file = resource("wrong-types.yaml");

        // when
        List<String> problems = problems(file);

        // then
        assertThat(problems)
                .containsExactly(
                        file + ":6:17: steps[0].with.channels: expected int, got string \"abc\"",
                        file + ":12:14: steps[1].with.width: expected int, got float 64.5",
                        file
                                + ":13:20: steps[1].with.keep_aspect: expected bool, got string \"yes\"");
    }

    @Test
    void should_report_missing_and_mistyped_references() {
        // given
        Path file = resource("bad-references.yaml");

        // when
        List<String> problems = problems(file);

        // then
        assertThat(problems)
                .containsExactly(
                        file
                                + ":6:18: steps[0].with.path: unknown pipeline input 'imgae'; did you mean"
                                + " 'image'? (declared: image)",
                        file
                                + ":9:21: steps[1].inputs.image: unknown step 'lod'; did you mean 'load'?"
                                + " (steps: load, small, boxed, save)",
                        file
                                + ":14:14: steps[2].inputs.image: step 'load' (image/load) has no output"
                                + " 'img' (outputs: image)",
                        file
                                + ":15:14: steps[2].inputs.boxes: input 'boxes' of image/draw-boxes expects"
                                + " boxes, but ${load.image} is image",
                        file
                                + ":18:21: steps[3].inputs.image: expected a reference like"
                                + " \"${load.image}\", got string \"load.image\"");
    }

    @Test
    void should_report_a_cycle_once_in_data_flow_order() {
        // given
        Path file = resource("cycle.yaml");

        // when
        List<String> problems = problems(file);

        // then
        assertThat(problems)
                .containsExactly(file + ":4:14: steps[0].inputs.in: cycle: a -> b -> c -> a");
    }

    @Test
    void should_report_a_step_that_feeds_itself() {
        // when
        List<String> problems =
                problems(
                        "steps:\n  - id: loop\n    uses: test/pass\n    inputs: {in: \"${loop.out}\"}\n");

        // then
        assertThat(problems)
                .containsExactly("p.yaml:4:14: steps[0].inputs.in: cycle: loop -> loop");
    }

    @Test
    void should_validate_a_json_pipeline_the_same_way() {
        // given
        Path file = resource("bad.json");

        // when
        List<String> problems = problems(file);

        // then
        assertThat(problems)
                .containsExactly(
                        file
                                + ":4:72: steps[0].with.chanels: unknown parameter 'chanels' for step type"
                                + " image/load; did you mean 'channels'? (known: path, channels)",
                        file + ":5:12: steps[1].id: duplicate step id 'load' (first at 4:12)");
    }

    @Test
    void should_require_steps() {
        // when
        List<String> problems = problems("name: nothing\n");

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:1:1: steps: missing required key 'steps' (the list of steps to run)");
    }

    @Test
    void should_reject_a_file_that_is_not_a_mapping() {
        // when
        List<String> problems = problems("- id: a\n  uses: test/pass\n");

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:1:1: a pipeline file must be a mapping with a 'steps' list, got a list");
    }

    @Test
    void should_require_id_and_uses_and_check_the_id() {
        // when
        List<String> problems =
                problems(
                        "steps:\n  - uses: test/pass\n  - id: Big Step\n    uses: test/pass\n  - id: x\n");

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:2:5: steps[0]: missing required key 'id'",
                        "p.yaml:3:9: steps[1].id: invalid step id 'Big Step': use lower-case letters,"
                                + " digits, '_' or '-', starting with a letter",
                        "p.yaml:5:5: steps[2]: missing required key 'uses'");
    }

    @Test
    void should_check_input_declarations_and_defaults() {
        // when
        List<String> problems =
                problems(
                        """
                inputs:
                  size: {type: integer, default: 3}
                  scale: {type: float, default: big}
                  name: {type: string, dflt: x}
                  photo: {type: path}
                steps:
                  - id: a
                    uses: test/pass
                """);

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:2:16: inputs.size.type: unknown input type 'integer'"
                                + " (known: string, int, float, bool, path)",
                        "p.yaml:3:33: inputs.scale.default: expected float, got string \"big\"",
                        "p.yaml:4:3: inputs.name: input 'name' has no value: give it a 'default:' or"
                                + " run with --set name=VALUE",
                        "p.yaml:4:24: inputs.name.dflt: unknown key 'dflt' (known: type, default,"
                                + " description)",
                        "p.yaml:5:3: inputs.photo: input 'photo' has no value: give it a 'default:' or"
                                + " run with --set photo=VALUE");
    }

    @Test
    void should_refuse_a_step_output_inside_with() {
        // when
        List<String> problems =
                problems(
                        """
                steps:
                  - id: a
                    uses: test/pass
                  - id: b
                    uses: test/pass
                    with: {label: "from ${a.out}"}
                """);

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:6:19: steps[1].with.label: ${a.out}: step"
                                + " outputs can only be wired under a step's 'inputs:', not used in 'with:'");
    }

    @Test
    void should_require_required_params() {
        // when
        List<String> problems =
                problems(
                        "steps:\n  - id: save\n    uses: image/save\n"
                                + "    inputs: {image: \"${save.file}\"}\n");

        // then
        assertThat(problems)
                .containsExactly(
                        "p.yaml:2:5: steps[0].with.file: missing required parameter 'file' (output: the"
                                + " file name, relative to the output directory, ending in .png or .jpg)"
                                + " for step type image/save",
                        "p.yaml:4:21: steps[0].inputs.image: input 'image' of image/save expects image,"
                                + " but ${save.file} is file");
    }

    @Test
    void should_throw_every_problem_from_plan_or_throw() {
        // given
        Path file = resource("wrong-types.yaml");
        Validation validation = validator.validate(PipelineLoader.load(file));

        // when
        PipelineException e =
                catchThrowableOfType(PipelineException.class, validation::planOrThrow);

        // then
        assertThat(e.getMessage().lines()).hasSize(3);
        assertThat(e.problems()).hasSize(3);
    }
}
