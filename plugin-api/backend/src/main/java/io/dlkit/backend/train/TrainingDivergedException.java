package io.dlkit.backend.train;

/** The loss became NaN or infinite; the last good checkpoint is kept. */
public class TrainingDivergedException extends RuntimeException {
    /** Creates the exception with a one-line message saying where and what to try. */
    public TrainingDivergedException(String message) {
        super(message);
    }
}
