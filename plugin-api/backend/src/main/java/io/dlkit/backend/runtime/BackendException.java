package io.dlkit.backend.runtime;

/**
 * The TensorFlow runtime or the requested device is not available (the CLI exits with code 4). The
 * message is one line that says how to fix it.
 */
public class BackendException extends RuntimeException {
    /** Creates the error with a one-line, actionable message. */
    public BackendException(String message) {
        super(message);
    }

    /** Creates the error with a one-line, actionable message and its cause. */
    public BackendException(String message, Throwable cause) {
        super(message, cause);
    }
}
