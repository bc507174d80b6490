package io.dlkit.api.pipeline;

/** The type of a step parameter (a value under {@code with:} in a pipeline file). */
public enum ParamType {
    /** Any text. */
    STRING,
    /** A whole number (YAML {@code 3}); a JSON integer. */
    INT,
    /** A number ({@code 3} or {@code 0.5}). */
    FLOAT,
    /** {@code true} or {@code false}. */
    BOOL,
    /** A file path, resolved against the pipeline file's directory. */
    PATH,
    /** A list. */
    LIST,
    /** A map. */
    MAP;

    /** The lower-case name used in messages ({@code int}, {@code path}). */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
