package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.FunctionalSummary;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.backend.train.MemoryEstimate;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One training run of a functional model (named inputs and outputs), as {@link TrainJob} runs a
 * Sequential one: the same options, progress, metrics log (each output's loss, and accuracy for a
 * classification output, as columns {@code NAME_loss}, {@code NAME_accuracy} and their {@code val_}
 * twins), checkpoints, exact resume, NaN stop and early stopping; the data are named arrays ({@link
 * NamedData}) fed through the core {@link Trainer}'s batch-source path.
 */
final class FunctionalTrainJob {
    /** Slots per weight counted in the memory estimate: Adam's two, the most a built-in keeps. */
    private static final int OPTIMIZER_SLOTS = 2;

    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;
    private final TrainJob job;

    FunctionalTrainJob(CommandContext ctx, OptimizerRegistry optimizers, TrainJob job) {
        this.ctx = ctx;
        this.optimizers = optimizers;
        this.job = job;
    }

    /** Trains {@code config}'s model into {@code dir} (resuming when {@code saved} is given). */
    Map<String, Object> train(
            ModelDir dir,
            Map<String, Object> config,
            TrainRequest r,
            Map<String, Object> saved,
            MemoryBudget budget,
            Transfer transfer,
            EngineOptions engine) {
        Instant started = Instant.now();
        String source = r.resume() ? dir.modelFile().toString() : String.valueOf(r.modelFile());
        refuseImageOptions(r);
        FunctionalModel model = transfer.freeze(ModelBuild.functional(config, source));
        Object section = config.get(FunctionalLosses.KEY);
        Map<String, OutputLoss> losses =
                saved != null
                        ? FunctionalLosses.recorded(model, section, source)
                        : FunctionalLosses.resolve(
                                model, section, r.loss(), r.lossWeights(), source);
        LearningRateSchedule schedule = TrainJob.schedule(r);
        Optimizer optimizer = optimizers.create(r.optimizer(), r.optimizerConfig());
        try (GraphContext g = ctx.openGraph()) {
            TrainingGraph tg = FunctionalTrained.graph(g, model, losses, optimizer, r, source);
            budget.check(
                    MemoryEstimate.ofSummary(
                            FunctionalSummary.of(model).summary(), r.batchSize(), OPTIMIZER_SLOTS),
                    "training " + source);
            Splits data = Splits.load(r, FunctionalTrained.wants(model, losses, true));
            // Checked before anything is written: a refused run leaves no model behind.
            TrainOptions opts = job.options(r, schedule, tg);
            checkEarlyStopping(opts, data);
            Checkpoints checkpoints = new Checkpoints(dir.dir());
            TrainState state = TrainState.initial();
            Map<String, Object> initialized =
                    r.resume() ? null : transfer.initialize(ctx, optimizers, g, model.variables());
            if (r.resume()) {
                state = checkpoints.restore(g.session());
            } else {
                ctx.writer()
                        .writeString(
                                dir.modelFile(),
                                Yaml.write(
                                        ModelDir.content(
                                                modelConfig(model, losses), training(r, engine))));
            }
            TrainJob.refuseFinished(dir, state, r);
            WatchedFit.Fit training =
                    (log, from) ->
                            engine.distributed()
                                    ? distributed(
                                            engine,
                                            model,
                                            losses,
                                            r,
                                            tg,
                                            opts,
                                            checkpoints,
                                            log,
                                            data,
                                            from)
                                    : fit(tg, opts, checkpoints, log, data, r.batchSize(), from);
            WatchedFit.Outcome fitted = WatchedFit.run(ctx, dir, r, state, training);
            state = fitted.state();
            TrainingLog log = fitted.log();
            Map<String, Object> result = TrainJob.result(dir, state, log);
            result.remove("accuracy");
            result.remove("val_accuracy");
            TrainJob.putInitialized(result, initialized);
            if (data.test() != null) {
                Evaluation e =
                        new ModelRunner(tg)
                                .evaluate(
                                        new ArraySource(
                                                data.test(), Math.max(256, r.batchSize()), false));
                result.put("test_loss", e.loss());
                e.metrics().forEach((k, v) -> result.put("test_" + k, v));
            }
            job.writeManifest(dir, r, g, started, result);
            return result;
        }
    }

    private static TrainState fit(
            TrainingGraph tg,
            TrainOptions opts,
            Checkpoints cp,
            TrainingLog log,
            Splits data,
            int batchSize,
            TrainState state) {
        try {
            return new Trainer(tg, opts, cp, log)
                    .fit(
                            new ArraySource(data.train(), batchSize, true),
                            data.validation() == null
                                    ? null
                                    : new ArraySource(
                                            data.validation(), Math.max(256, batchSize), false),
                            state);
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, e.getMessage());
        }
    }

    private TrainState distributed(
            EngineOptions engine,
            FunctionalModel model,
            Map<String, OutputLoss> losses,
            TrainRequest r,
            TrainingGraph tg,
            TrainOptions opts,
            Checkpoints checkpoints,
            TrainingLog log,
            Splits data,
            TrainState state) {
        java.util.function.Supplier<Evaluation> validate =
                data.validation() == null
                        ? null
                        : () ->
                                new ModelRunner(tg)
                                        .evaluate(
                                                new ArraySource(
                                                        data.validation(),
                                                        Math.max(256, r.batchSize()),
                                                        false));
        return new DistributedJob(ctx, optimizers, engine)
                .fit(
                        modelConfig(model, losses),
                        r,
                        tg,
                        opts,
                        checkpoints,
                        log,
                        data.train().arrays(),
                        validate,
                        state);
    }

    /** model.yaml's model: the model file's content with every output's resolved loss. */
    private static Map<String, Object> modelConfig(
            FunctionalModel model, Map<String, OutputLoss> losses) {
        Map<String, Object> m = model.config();
        m.put(FunctionalLosses.KEY, FunctionalLosses.toConfig(losses));
        return m;
    }

    private Map<String, Object> training(TrainRequest r, EngineOptions engine) {
        Map<String, Object> t = r.toConfig();
        if (engine.distributed()) t.put("engine", engine.toConfig());
        t.put("seed", ctx.settings().seed());
        return t;
    }

    private static void refuseImageOptions(TrainRequest r) {
        for (String[] o :
                new String[][] {{"--augment", r.augment()}, {"--normalize", r.normalize()}}) {
            if (o[1] != null && !o[1].equals("none")) {
                throw DlkitException.invalidInput(
                        o[0]
                                + " "
                                + o[1]
                                + ": not available for a model with named inputs yet; prepare"
                                + " the arrays before training");
            }
        }
    }

    private static void checkEarlyStopping(TrainOptions opts, Splits data) {
        String metric = opts.earlyStopMetric();
        if (metric == null) return;
        if (metric.equals("accuracy") || metric.equals("val_accuracy")) {
            throw DlkitException.invalidInput(
                    "--early-stopping "
                            + metric
                            + ": a model with named outputs has one accuracy per classification"
                            + " output (NAME_accuracy, val_NAME_accuracy); stop on one of those or"
                            + " on loss");
        }
        if (metric.startsWith("val_") && data.validation() == null) {
            throw DlkitException.invalidInput(
                    "--early-stopping "
                            + metric
                            + " needs validation data; add --val PATH or --val-split F, or stop on loss");
        }
    }

    /** The run's named arrays: training, validation (given or split off) and test. */
    record Splits(NamedData train, NamedData validation, NamedData test) {
        static Splits load(TrainRequest r, Map<String, NamedData.Want> want) {
            NamedData train = NamedData.load(r.data(), want);
            NamedData val = r.validation() == null ? null : NamedData.load(r.validation(), want);
            if (val == null && r.validationSplit() > 0) {
                List<NamedData> split = train.split(r.validationSplit());
                train = split.get(0);
                val = split.get(1);
            }
            NamedData test = r.test() == null ? null : NamedData.load(r.test(), want);
            return new Splits(train, val, test);
        }
    }
}
