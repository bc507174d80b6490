package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * Declares one parameter of a step type.
 *
 * @param name the snake_case key under {@code with:}
 * @param type the value's type, checked by {@code dlkit validate}
 * @param required whether the pipeline must give it
 * @param defaultValue the value used when it is absent (null when required or optional without a
 *     default)
 * @param description one line for {@code dlkit plugins info} and error messages
 */
public record ParamSpec(
        String name, ParamType type, boolean required, Object defaultValue, String description) {
    /** Checks the name and type. */
    public ParamSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
    }

    /** A required parameter. */
    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, true, null, description);
    }

    /** An optional parameter with a default value (may be null). */
    public static ParamSpec optional(
            String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, description);
    }
}
