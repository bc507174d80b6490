package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.RunSettings;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The part of {@link TrainJob} and {@link FunctionalTrainJob} that hands a run to a {@link
 * DistributedTraining} engine: the driver graph, data, checkpoints and log are the single-process
 * run's; the workers get a {@link WorkerRecipe} of the model as model.yaml records it, each with
 * its share of the threads, and the training data as named arrays.
 */
final class DistributedJob {
    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;
    private final EngineOptions engine;

    DistributedJob(CommandContext ctx, OptimizerRegistry optimizers, EngineOptions engine) {
        this.ctx = ctx;
        this.optimizers = optimizers;
        this.engine = engine;
    }

    /** Trains a Sequential {@code model} (frozen layers marked) on {@code data}. */
    TrainState fit(
            Sequential model,
            TrainRequest r,
            TrainingGraph driver,
            TrainOptions opts,
            Checkpoints checkpoints,
            TrainingListener log,
            TrainJob.Data data,
            TrainState state) {
        Dataset val = data.validation();
        Supplier<Evaluation> validate =
                val == null || val.size() == 0
                        ? null
                        : () ->
                                new ModelRunner(driver)
                                        .evaluate(val, Math.max(opts.batchSize(), 256));
        WorkerRecipe recipe = recipe(model.config(), model.inputShape(), r, data.normalization());
        return fit(recipe, driver, opts, checkpoints, log, arrays(data.train()), validate, state);
    }

    /**
     * Trains the functional model {@code modelConfig} describes (with its resolved losses) on
     * {@code train}'s named arrays, validating with {@code validate} (or not, when null).
     */
    TrainState fit(
            Map<String, Object> modelConfig,
            TrainRequest r,
            TrainingGraph driver,
            TrainOptions opts,
            Checkpoints checkpoints,
            TrainingListener log,
            Map<String, NdArray> train,
            Supplier<Evaluation> validate,
            TrainState state) {
        WorkerRecipe recipe = recipe(modelConfig, null, r, null);
        return fit(recipe, driver, opts, checkpoints, log, train, validate, state);
    }

    private TrainState fit(
            WorkerRecipe recipe,
            TrainingGraph driver,
            TrainOptions opts,
            Checkpoints checkpoints,
            TrainingListener log,
            Map<String, NdArray> train,
            Supplier<Evaluation> validate,
            TrainState state) {
        DistributedFit job =
                new DistributedFit(
                        driver,
                        recipe,
                        optimizers,
                        opts,
                        checkpoints,
                        log,
                        train,
                        validate,
                        state,
                        engine,
                        ctx.err());
        try {
            return engine.find().fit(job);
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, e.getMessage());
        }
    }

    private WorkerRecipe recipe(
            Map<String, Object> modelConfig,
            long[] inputShape,
            TrainRequest r,
            io.dlkit.backend.data.ChannelNormalization normalization) {
        RunSettings s = ctx.settings();
        int cores = Runtime.getRuntime().availableProcessors();
        // The workers of local[N] share this machine's cores: give each its share, not all.
        int threads = Math.max(1, (s.threads() > 0 ? s.threads() : cores) / engine.workers());
        return new ModelWorkerRecipe(
                modelConfig, inputShape, r, normalization, s.device(), threads, s.seed());
    }

    /** A data set as the named arrays a Sequential graph is fed: x, and labels or targets. */
    static Map<String, NdArray> arrays(Dataset d) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("x", NdArray.of(d.features(), batched(d.size(), d.featureShape())));
        if (d.hasClassLabels()) m.put("labels", NdArray.of(d.labels(), d.size()));
        else m.put("targets", NdArray.of(d.targets(), batched(d.size(), d.targetShape())));
        return m;
    }

    private static long[] batched(int rows, long[] sample) {
        long[] s = new long[sample.length + 1];
        s[0] = rows;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }
}
