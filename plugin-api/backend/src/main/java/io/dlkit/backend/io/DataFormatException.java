package io.dlkit.backend.io;

/**
 * The content of a data file (an array, an archive, an image) is malformed, truncated or of a kind
 * dlkit does not support. The message is one line that names the file, says what is wrong and how
 * to fix it, for example {@code "weights.npy: unsupported dtype '<c8' (supported: f4, f8, i4, i8,
 * u1, b1)"}. Failures of the disk itself are {@link java.io.IOException}s instead.
 */
public class DataFormatException extends RuntimeException {
    /** Creates the error with a one-line message that names the file. */
    public DataFormatException(String message) {
        super(message);
    }

    /** Creates the error with a one-line message that names the file, and the underlying cause. */
    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
