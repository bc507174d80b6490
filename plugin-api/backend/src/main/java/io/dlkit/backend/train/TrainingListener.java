package io.dlkit.backend.train;

import java.nio.file.Path;

/** Receives training progress: for progress bars, metrics logs and plots. */
public interface TrainingListener {
    /**
     * Training starts (or resumes) at {@code epoch} (from 1), {@code stepsPerEpoch} batches each.
     */
    default void onStart(int epoch, int epochs, int stepsPerEpoch) {}

    /** A batch was trained. */
    default void onBatch(
            int epoch, int batch, long step, double loss, double accuracy, double learningRate) {}

    /** An epoch ended (after validation). */
    default void onEpoch(EpochMetrics metrics) {}

    /** A checkpoint was written. */
    default void onCheckpoint(Path dir, int epoch, long step) {}

    /** A listener that does nothing. */
    TrainingListener NONE = new TrainingListener() {};
}
