package io.dlkit.cli.nn;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import java.io.Serializable;

/**
 * What a data-parallel worker builds itself from, in whatever JVM it runs: serializable (text and
 * numbers, no graph, no plugin object), so that an engine can ship it to a machine that never saw
 * the driver's objects and build there a graph with the driver's variables (same names, shapes and
 * order). {@code dlkit train} makes one from the model file it trains ({@link ModelWorkerRecipe}).
 */
public interface WorkerRecipe extends Serializable {
    /**
     * Builds one worker's training graph (its own {@code GraphContext}: the caller closes {@code
     * graph()}), with optimizers from {@code optimizers} (the plugin host of this JVM).
     */
    TrainingGraph graph(Optimizers optimizers);

    /** The learning rate per epoch and step, as the driver's options have it. */
    LearningRateSchedule schedule();

    /** The training batches' augmenter ({@link BatchAugmenter#NONE}: none). */
    BatchAugmenter augmenter();
}
