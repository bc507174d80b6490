package io.dlkit.api;

/** The process exit codes every dlkit command uses (DESIGN.md section 4). */
public enum ExitCode {
    /** The work was done. */
    OK(0),
    /** The work was attempted and failed (a training diverged, a step threw). */
    FAILED(1),
    /** Bad usage or invalid input: a wrong option, a malformed file, a missing reference. */
    USAGE(2),
    /** A plugin failed to load, start or run its extension. */
    PLUGIN(3),
    /** The TensorFlow runtime or the requested device is not available. */
    BACKEND(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** Returns the numeric process exit code. */
    public int code() {
        return code;
    }
}
