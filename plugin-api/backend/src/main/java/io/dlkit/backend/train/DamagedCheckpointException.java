package io.dlkit.backend.train;

import io.dlkit.backend.io.DataFormatException;

/**
 * A model directory's checkpoint cannot be restored: a file of it is missing, truncated or garbled,
 * or the model it was saved from differs from the one being restored (an edited {@code
 * model.yaml}). The message is one line that names the damaged file and says how to recover, for
 * example {@code "runs/m/checkpoint/variables.index: missing; the checkpoint cannot be restored:
 * copy the model directory back from a backup, or train it again with --overwrite"}.
 */
public class DamagedCheckpointException extends DataFormatException {
    /** Creates the error with its one-line message. */
    public DamagedCheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
