package io.dlkit.cli.nn;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One distributed training run, as {@code dlkit train} hands it to a {@link DistributedTraining}
 * engine.
 *
 * @param graph the driver's graph, initialised or restored: it holds the averaged model, is
 *     checkpointed and validates
 * @param workers what each worker builds its graph (the same model, optimizer and loss, the same
 *     variable names), schedule and augmenter from, in any JVM
 * @param optimizers the driver's optimizers (its plugin host), for workers in the driver's JVM
 * @param options epochs, the global batch size, schedule, seed, checkpoint interval, early stopping
 * @param checkpoints the model directory's checkpoints
 * @param listener progress and the metrics log
 * @param train the training data as named arrays of equal rows, each fed to the graph's input or
 *     target of that name: {@code x} and {@code labels} or {@code targets} for a Sequential model
 * @param validation evaluates the driver's graph on the validation data; null: none
 * @param state where training starts (initial, or restored by {@code --resume})
 * @param engine the engine's options: workers, master, averaging interval
 * @param err where notes go (stderr)
 */
public record DistributedFit(
        TrainingGraph graph,
        WorkerRecipe workers,
        Optimizers optimizers,
        TrainOptions options,
        Checkpoints checkpoints,
        TrainingListener listener,
        Map<String, NdArray> train,
        Supplier<Evaluation> validation,
        TrainState state,
        EngineOptions engine,
        PrintWriter err) {}
