package io.dlkit.cli.pipeline;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A pipeline file bound to its structure, still unchecked against the step types: what {@link
 * PipelineBinder} makes of the node tree. Positions are kept for the validator's messages.
 *
 * @param name the pipeline's name (the file's base name when it gives none)
 * @param description one line, may be empty
 * @param inputs the declared pipeline inputs, in file order
 * @param steps the steps that have a valid id, in file order
 */
record PipelineSpec(String name, String description, List<InputDecl> inputs, List<StepSpec> steps) {

    Optional<InputDecl> input(String name) {
        return inputs.stream().filter(i -> i.name().equals(name)).findFirst();
    }

    Optional<StepSpec> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    List<String> inputNames() {
        return inputs.stream().map(InputDecl::name).toList();
    }

    List<String> stepIds() {
        return steps.stream().map(StepSpec::id).toList();
    }

    /** The types a pipeline input may declare. */
    enum InputType {
        STRING(ParamType.STRING, ArtifactType.JSON),
        INT(ParamType.INT, ArtifactType.JSON),
        FLOAT(ParamType.FLOAT, ArtifactType.JSON),
        BOOL(ParamType.BOOL, ArtifactType.JSON),
        PATH(ParamType.PATH, ArtifactType.FILE);

        final ParamType paramType;
        final ArtifactType artifactType;

        InputType(ParamType paramType, ArtifactType artifactType) {
            this.paramType = paramType;
            this.artifactType = artifactType;
        }

        String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(InputType::displayName).toList();
        }
    }

    /**
     * A declared pipeline input ({@code inputs.NAME} at the top of the file).
     *
     * @param defaultValue the {@code default:} node, or null when none is given
     */
    record InputDecl(
            String name, Position position, InputType type, Node defaultValue, String description) {
        String path() {
            return "inputs." + name;
        }
    }

    /**
     * One entry under a step's {@code inputs:}: a port and the reference wired to it.
     *
     * @param position the port key's position
     * @param value the reference node (a string such as {@code "${load.image}"})
     */
    record Wiring(String port, Position position, Node value) {}

    /**
     * One step.
     *
     * @param index the step's place in the file, from 0
     * @param uses the step type's name, or null when missing or not a string
     * @param with the parameters as written (an empty mapping when absent)
     * @param inputs the wired input ports
     */
    record StepSpec(
            int index,
            String id,
            Position position,
            String uses,
            Position usesPosition,
            Node.MapNode with,
            List<Wiring> inputs,
            String description) {
        String path() {
            return "steps[" + index + "]";
        }
    }
}
