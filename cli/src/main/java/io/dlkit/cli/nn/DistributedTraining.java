package io.dlkit.cli.nn;

import io.dlkit.backend.train.TrainState;

/**
 * A training engine that spreads {@code dlkit train} over several workers ({@code --engine NAME});
 * an application add-on (on the class path, not a PF4J plugin) contributes one through {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.dlkit.cli.nn.DistributedTraining}). The
 * command builds the driver's graph, restores or initialises it, loads the data and opens the
 * metrics log as for a single-process run; the engine only replaces the core trainer's loop, so
 * checkpoints, {@code --resume}, metrics.csv and the NaN stop stay the same.
 */
public interface DistributedTraining {
    /** The name {@code --engine} takes, e.g. {@code spark}. */
    String name();

    /**
     * Trains {@code job.state()} up to {@code job.options().epochs()} (or early stopping):
     * checkpoints the driver graph's variables at each epoch end, reports progress to {@code
     * job.listener()}; returns the final state.
     *
     * @throws io.dlkit.backend.train.TrainingDivergedException when a loss or variable becomes NaN
     *     or infinite
     */
    TrainState fit(DistributedFit job);
}
