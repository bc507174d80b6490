package io.dlkit.cli.nn;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import java.io.PrintWriter;
import java.util.function.Supplier;

/**
 * One distributed training run, as {@code dlkit train} hands it to a {@link DistributedTraining}
 * engine.
 *
 * @param graph the driver's graph, initialised or restored: it holds the averaged model, is
 *     checkpointed and validates
 * @param workerGraphs builds one more training graph of the same model, optimizer and loss (same
 *     variable names) for a worker; the caller closes its {@code graph()}
 * @param options epochs, the global batch size, schedule, seed, checkpoint interval, early stopping
 * @param checkpoints the model directory's checkpoints
 * @param listener progress and the metrics log
 * @param augmenter the training batches' augmenter ({@link BatchAugmenter#NONE}: none)
 * @param train the training data
 * @param validation the validation data, or null
 * @param state where training starts (initial, or restored by {@code --resume})
 * @param engine the engine's options: workers, master, averaging interval
 * @param err where notes go (stderr)
 */
public record DistributedFit(
        TrainingGraph graph,
        Supplier<TrainingGraph> workerGraphs,
        TrainOptions options,
        Checkpoints checkpoints,
        TrainingListener listener,
        BatchAugmenter augmenter,
        Dataset train,
        Dataset validation,
        TrainState state,
        EngineOptions engine,
        PrintWriter err) {}
