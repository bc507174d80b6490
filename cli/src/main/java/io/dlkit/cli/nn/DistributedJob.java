package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.RunSettings;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The part of {@link TrainJob} that hands a run to a {@link DistributedTraining} engine: the driver
 * graph, data, checkpoints and log are the single-process run's; each worker gets a graph built the
 * same way from the model file, with its share of the threads.
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

    TrainState fit(
            Map<String, Object> modelConfig,
            Transfer transfer,
            TrainRequest r,
            TrainingGraph driver,
            TrainOptions opts,
            Checkpoints checkpoints,
            TrainingListener log,
            TrainJob.Data data,
            TrainState state) {
        DistributedFit job =
                new DistributedFit(
                        driver,
                        workerGraphs(modelConfig, transfer, r),
                        opts,
                        checkpoints,
                        log,
                        data.augmenter(),
                        data.train(),
                        data.validation(),
                        state,
                        engine,
                        ctx.err());
        try {
            return engine.find().fit(job);
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, e.getMessage());
        }
    }

    private Supplier<TrainingGraph> workerGraphs(
            Map<String, Object> modelConfig, Transfer transfer, TrainRequest r) {
        RunSettings s = ctx.settings();
        int cores = Runtime.getRuntime().availableProcessors();
        // The workers of local[N] share this machine's cores: give each its share, not all.
        int threads = Math.max(1, (s.threads() > 0 ? s.threads() : cores) / engine.workers());
        return () -> {
            Sequential model = transfer.freeze(ModelBuild.model(modelConfig, "model.yaml"));
            GraphContext g =
                    GraphContext.create(DeviceRequest.parse(s.device()), threads, s.seed());
            try {
                return ModelBuild.graph(
                        g, model, optimizers.create(r.optimizer(), r.optimizerConfig()), r);
            } catch (RuntimeException e) {
                g.close();
                throw e;
            }
        };
    }
}
