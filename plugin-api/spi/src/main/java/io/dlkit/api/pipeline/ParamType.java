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
    /** A file path to read, resolved against the pipeline file's directory. */
    PATH,
    /**
     * One path or a list of paths to read ({@code data: a.json} or {@code data: [a.json, b.json]}),
     * each resolved like {@link #PATH}; the step reads it with {@link Params#paths(String)}.
     */
    PATHS,
    /**
     * Where a step writes: a file or folder name relative to the run's output folder ({@code dlkit
     * run --out DIR}). {@code dlkit validate} rejects an absolute path or one whose {@code ..}
     * leaves that folder, unless the user passes {@code --allow-outside-out}; the step gets the
     * normalized text and resolves it with {@link StepContext#resolveOutput(String)}.
     */
    OUTPUT,
    /** A list. */
    LIST,
    /** A map. */
    MAP;

    /** The lower-case name used in messages ({@code int}, {@code path}). */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
