package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.train.schedule.LearningRateSchedule;

/**
 * How the loop runs.
 *
 * @param epochs the number of epochs to reach (a resumed run continues up to it)
 * @param batchSize the mini-batch size (1 = stochastic, m = batch gradient descent)
 * @param schedule the learning rate per epoch and step
 * @param seed the seed of the per-epoch shuffles
 * @param checkpointEvery also checkpoint every this many steps (0 = only at epoch ends)
 * @param earlyStopMetric loss, accuracy, val_loss or val_accuracy; null = no early stopping
 * @param patience epochs without improvement before stopping
 */
public record TrainOptions(
        int epochs,
        int batchSize,
        LearningRateSchedule schedule,
        long seed,
        int checkpointEvery,
        String earlyStopMetric,
        int patience) {
    /** Checks the ranges; messages name the option. */
    public TrainOptions {
        if (epochs < 1) throw new IllegalArgumentException("--epochs must be >= 1, got " + epochs);
        if (batchSize < 1)
            throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
        requireNonNull(schedule, "schedule is null");
        if (checkpointEvery < 0) {
            throw new IllegalArgumentException(
                    "--checkpoint-every must be >= 0, got " + checkpointEvery);
        }
        if (patience < 1)
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
    }
}
