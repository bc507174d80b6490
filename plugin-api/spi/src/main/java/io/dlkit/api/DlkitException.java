package io.dlkit.api;

import static java.util.Objects.requireNonNull;

/**
 * An error meant for the user: its message is one line saying what went wrong, where, and how to
 * fix it, and it carries the exit code the process ends with. The CLI prints only the message
 * unless {@code -x} is given.
 */
public class DlkitException extends RuntimeException {
    private final ExitCode exitCode;

    /** Creates an error with the given exit code and one-line message. */
    public DlkitException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
    }

    /** Creates an error with the given exit code, one-line message and cause. */
    public DlkitException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = requireNonNull(exitCode, "exitCode is null");
    }

    /** Shortcut for an invalid-input error (exit code 2). */
    public static DlkitException invalidInput(String message) {
        return new DlkitException(ExitCode.USAGE, message);
    }

    /** Shortcut for a failed-work error (exit code 1). */
    public static DlkitException failed(String message, Throwable cause) {
        return new DlkitException(ExitCode.FAILED, message, cause);
    }

    /** Returns the exit code the process should end with. */
    public ExitCode exitCode() {
        return exitCode;
    }
}
