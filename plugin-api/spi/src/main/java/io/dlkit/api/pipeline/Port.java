package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * A named, typed input or output of a step type. Inputs are wired in a pipeline file under a step's
 * {@code inputs:} with references such as {@code ${load.image}}.
 *
 * @param name the snake_case port name
 * @param type the artifact type it carries
 * @param required for inputs: whether the pipeline must wire it (outputs are always produced)
 * @param description one line for help and error messages
 */
public record Port(String name, ArtifactType type, boolean required, String description) {
    /** Checks the fields. */
    public Port {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }

    /** A required input or an output. */
    public static Port of(String name, ArtifactType type, String description) {
        return new Port(name, type, true, description);
    }

    /** An optional input. */
    public static Port optional(String name, ArtifactType type, String description) {
        return new Port(name, type, false, description);
    }
}
