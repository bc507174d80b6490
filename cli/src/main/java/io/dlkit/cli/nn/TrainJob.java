package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.TfRuntime;
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
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import io.dlkit.backend.train.schedule.Schedules;
import io.dlkit.cli.Version;
import io.dlkit.cli.output.Hashes;
import io.dlkit.cli.output.Json;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One training run, from a command or a pipeline step: loads the data, builds the graph once,
 * restores the checkpoint when resuming, trains with progress and a metrics log, evaluates on the
 * test set, and writes model.yaml and manifest.json into the model directory.
 */
public final class TrainJob {
    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;
    private final ModelFiles modelFiles;

    @Inject
    TrainJob(CommandContext ctx, OptimizerRegistry optimizers, ModelFiles modelFiles) {
        this.ctx = ctx;
        this.optimizers = optimizers;
        this.modelFiles = modelFiles;
    }

    /** Runs the request; returns the summary printed as the result. */
    Map<String, Object> run(TrainRequest request) {
        return run(request, MemoryBudget.AVAILABLE);
    }

    /** Runs the request, refusing a model whose memory estimate exceeds {@code budget}. */
    Map<String, Object> run(TrainRequest request, MemoryBudget budget) {
        return run(request, budget, Transfer.NONE);
    }

    /**
     * Runs the request within {@code budget}, with transfer learning (refused when resuming);
     * returns the summary.
     */
    Map<String, Object> run(TrainRequest request, MemoryBudget budget, Transfer transfer) {
        return run(request, budget, transfer, null);
    }

    /**
     * Runs the request with {@code engine} (null: local, or as model.yaml recorded when resuming).
     */
    Map<String, Object> run(
            TrainRequest request, MemoryBudget budget, Transfer transfer, EngineOptions engine) {
        ModelDir dir = new ModelDir(request.out());
        Map<String, Object> modelConfig;
        Map<String, Object> saved = null;
        TrainRequest r = request;
        if (request.resume()) {
            saved = ModelDir.open(request.out()).read();
            ctx.writer().prepareFolder(dir.dir(), null);
            dir.files().forEach(ctx.writer()::claim);
            modelConfig = cast(saved.get("model"));
            checkSeed(request.out(), cast(saved.get("training")));
            r =
                    TrainRequest.resumeFrom(
                            cast(saved.get("training")), request.out(), request.epochs());
        } else {
            if (request.epochs() < 1) {
                throw DlkitException.invalidInput(
                        "epochs must be at least 1, got " + request.epochs());
            }
            checkFreshOutput(dir);
            modelConfig = modelFiles.read(request.modelFile());
        }
        if (request.resume() && (transfer.freezeUpTo() != null || transfer.initFrom() != null)) {
            throw DlkitException.invalidInput(
                    "--freeze and --init-from apply to a new run; a resumed run keeps what"
                            + " model.yaml records");
        }
        EngineOptions e = engine;
        if (e == null)
            e = saved == null ? EngineOptions.LOCAL : EngineOptions.fromConfig(engineOf(saved));
        if (io.dlkit.backend.nn.FunctionalModel.isFunctional(modelConfig)) {
            return new FunctionalTrainJob(ctx, optimizers, this)
                    .train(dir, modelConfig, r, saved, budget, transfer, e);
        }
        return train(dir, modelConfig, r, saved, budget, transfer, e);
    }

    private static Object engineOf(Map<String, Object> saved) {
        return saved.get("training") instanceof Map<?, ?> t ? t.get("engine") : null;
    }

    private Map<String, Object> train(
            ModelDir dir,
            Map<String, Object> modelConfig,
            TrainRequest r,
            Map<String, Object> saved,
            MemoryBudget budget,
            Transfer transfer,
            EngineOptions engine) {
        Instant started = Instant.now();
        Sequential model =
                transfer.freeze(
                        ModelBuild.model(
                                modelConfig,
                                r.resume()
                                        ? dir.modelFile().toString()
                                        : String.valueOf(r.modelFile())));
        LearningRateSchedule schedule = schedule(r);
        Data data = Data.load(r, model.inputShape(), saved, dir.modelFile().toString());
        // Resolved before the graph so that a bad name fails without loading the runtime.
        Optimizer optimizer = optimizers.create(r.optimizer(), r.optimizerConfig());
        ModelBuild.planTowers(model, r, ctx.settings().threads());
        try (GraphContext g = ctx.openGraph()) {
            TrainingGraph tg = ModelBuild.graph(g, model, optimizer, r);
            // Before anything is allocated or written: nothing to clean up when refused.
            budget.check(
                    MemoryEstimate.ofTraining(g, model, r.batchSize()),
                    "training " + (r.resume() ? dir.modelFile() : r.modelFile()));
            int outputs = (int) tg.output.shape().size(1);
            ModelBuild.checkLabels(data.train(), outputs, tg.objective, r.data().toString());
            ModelBuild.checkLabels(data.validation(), outputs, tg.objective, "validation data");
            warnClassCount(data.classNames(), outputs, r.data());
            Checkpoints checkpoints = new Checkpoints(dir.dir());
            TrainState state = TrainState.initial();
            Map<String, Object> initialized =
                    r.resume() ? null : transfer.initialize(ctx, optimizers, g, model);
            if (r.resume()) {
                state = checkpoints.restore(g.session());
            } else {
                ctx.writer()
                        .writeString(
                                dir.modelFile(),
                                Yaml.write(content(model, training(r, tg, engine), data)));
            }
            refuseFinished(dir, state, r);
            TrainOptions opts = options(r, schedule, tg);
            checkEarlyStopping(opts, data, tg);
            WatchedFit.Fit training =
                    (log, from) ->
                            engine.distributed()
                                    ? new DistributedJob(ctx, optimizers, engine)
                                            .fit(model, r, tg, opts, checkpoints, log, data, from)
                                    : fit(tg, opts, checkpoints, log, data, from);
            WatchedFit.Outcome fitted = WatchedFit.run(ctx, dir, r, state, training);
            state = fitted.state();
            TrainingLog log = fitted.log();
            Map<String, Object> result = result(dir, state, log);
            putInitialized(result, initialized);
            if (data.test() != null) {
                Evaluation e =
                        new ModelRunner(tg).evaluate(data.test(), Math.max(256, r.batchSize()));
                result.put("test_loss", e.loss());
                result.put("test_accuracy", Double.isNaN(e.accuracy()) ? null : e.accuracy());
            }
            writeManifest(dir, r, g, started, result);
            return result;
        }
    }

    private TrainState fit(
            TrainingGraph tg,
            TrainOptions opts,
            Checkpoints cp,
            TrainingLog log,
            Data data,
            TrainState state) {
        try {
            return new Trainer(tg, opts, cp, log, data.augmenter())
                    .fit(data.train(), data.validation(), state);
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, e.getMessage());
        }
    }

    /** An image folder with fewer classes than the model outputs trains, but is likely a slip. */
    private void warnClassCount(List<String> classNames, int outputs, DataSource data) {
        int classes = classNames.size();
        if (classes == 0 || outputs <= classes || (outputs == 1 && classes == 2)) return;
        ctx.err()
                .println(
                        "warning: the model outputs "
                                + outputs
                                + " classes but "
                                + data.path()
                                + " has "
                                + classes
                                + " class folders ("
                                + String.join(", ", classNames)
                                + "); outputs "
                                + classes
                                + ".."
                                + (outputs - 1)
                                + " get no examples and no names; set the last layer's units to "
                                + classes);
        ctx.err().flush();
    }

    private static void checkEarlyStopping(TrainOptions opts, Data data, TrainingGraph tg) {
        String metric = opts.earlyStopMetric();
        if (metric == null) return;
        if (metric.startsWith("val_") && data.validation() == null) {
            throw DlkitException.invalidInput(
                    "--early-stopping "
                            + metric
                            + " needs validation data; add --val PATH or --val-split F, or stop on loss");
        }
        if (metric.endsWith("accuracy") && !tg.objective.classification()) {
            throw DlkitException.invalidInput(
                    "--early-stopping "
                            + metric
                            + ": the "
                            + tg.objective.id()
                            + " loss has no accuracy; stop on loss or val_loss");
        }
    }

    TrainOptions options(TrainRequest r, LearningRateSchedule schedule, TrainingGraph tg) {
        List<String> known = new ArrayList<>(io.dlkit.backend.train.EpochMetrics.METRICS);
        for (String name : tg.metrics.keySet()) {
            known.add(name);
            known.add("val_" + name);
        }
        String metric = null;
        int patience = 1;
        if (r.earlyStopping() != null) {
            String[] parts = r.earlyStopping().split(":");
            metric = parts[0];
            try {
                patience = parts.length > 1 ? Integer.parseInt(parts[1]) : 3;
                if (!known.contains(metric)) {
                    throw new IllegalArgumentException(metric);
                }
            } catch (IllegalArgumentException e) {
                throw DlkitException.invalidInput(
                        "--early-stopping "
                                + r.earlyStopping()
                                + ": use METRIC[:PATIENCE] with METRIC one of "
                                + String.join(", ", known));
            }
        }
        try {
            return new TrainOptions(
                    r.epochs(),
                    r.batchSize(),
                    schedule,
                    ctx.settings().seed(),
                    r.checkpointEvery(),
                    metric,
                    Math.max(1, patience));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    static LearningRateSchedule schedule(TrainRequest r) {
        // Checked here so the message names --lr, not the schedule; the graph computes in float32.
        if (!(r.learningRate() > 0) || Float.isInfinite((float) r.learningRate())) {
            throw DlkitException.invalidInput(
                    "--lr must be > 0 and at most "
                            + Float.MAX_VALUE
                            + " (float32), got "
                            + r.learningRate());
        }
        try {
            return Schedules.parse(
                    r.schedule() == null ? "constant" : r.schedule(), r.learningRate());
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("--lr-schedule: " + e.getMessage());
        }
    }

    /**
     * A fresh run replaces nothing the user had without {@code --overwrite}: not a model, and not a
     * metrics log, curves or manifest left in the folder either.
     */
    private void checkFreshOutput(ModelDir dir) {
        boolean overwrite = ctx.settings().overwrite();
        if (dir.exists() && !overwrite) {
            throw DlkitException.invalidInput(
                    dir.dir()
                            + " already holds a model; pass --resume to continue"
                            + " its training, --overwrite to start over, or choose another --out");
        }
        // A missing folder is made when the first file is written, after the memory check, so a
        // refused model leaves nothing behind; an existing path must be a usable folder now.
        if (io.dlkit.api.FileKind.of(dir.dir()) != io.dlkit.api.FileKind.MISSING) {
            ctx.writer().prepareFolder(dir.dir(), null);
        }
        dir.files().forEach(ctx.writer()::checkWritable);
        Path checkpoint = dir.dir().resolve("checkpoint");
        if (Files.exists(checkpoint, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !overwrite) {
            throw DlkitException.invalidInput(
                    checkpoint
                            + " already exists; pass --overwrite to replace it or choose another"
                            + " --out");
        }
        if (overwrite) deleteCheckpoint(dir);
    }

    private static void deleteCheckpoint(ModelDir dir) {
        try (var s = Files.walk(dir.dir().resolve("checkpoint"))) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        } catch (java.nio.file.NoSuchFileException e) {
            // nothing to delete
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** model.yaml: the model, the training settings, and what prediction needs of the data. */
    private static Map<String, Object> content(
            Sequential model, Map<String, Object> training, Data data) {
        Map<String, Object> m = ModelDir.content(model.config(), training);
        if (!data.classNames().isEmpty()) m.put("class_names", data.classNames());
        if (data.normalization() != null) m.put("normalization", data.normalization().toConfig());
        return m;
    }

    /** model.yaml's {@code training:} section: the request, the resolved loss and the seed. */
    private Map<String, Object> training(TrainRequest r, TrainingGraph tg, EngineOptions engine) {
        Map<String, Object> t = r.toConfig();
        if (engine.distributed()) t.put("engine", engine.toConfig());
        t.put("loss", tg.objective.id());
        t.put("seed", ctx.settings().seed());
        return t;
    }

    /** The seed orders every epoch's shuffle and the dropout masks, so a resume must reuse it. */
    private void checkSeed(Path dir, Map<String, Object> training) {
        if (training != null
                && training.get("seed") instanceof Number n
                && n.longValue() != ctx.settings().seed()) {
            throw DlkitException.invalidInput(
                    dir
                            + " was trained with --seed "
                            + n.longValue()
                            + " but this run has --seed "
                            + ctx.settings().seed()
                            + "; pass --seed "
                            + n.longValue()
                            + " to resume it exactly");
        }
    }

    /** A run whose model already has {@code r.epochs()} epochs has nothing to do: refused. */
    static void refuseFinished(ModelDir dir, TrainState state, TrainRequest r) {
        if (state.epoch() >= r.epochs()) {
            throw DlkitException.invalidInput(
                    dir.dir()
                            + " already trained "
                            + state.epoch()
                            + " epochs; pass --epochs N with N > "
                            + state.epoch()
                            + " to continue");
        }
    }

    /** The result's {@code init_*} entries for weights taken from {@code --init-from}, if any. */
    static void putInitialized(Map<String, Object> result, Map<String, Object> initialized) {
        if (initialized != null) {
            result.put("init_from", initialized.get("from"));
            result.put("init_taken", ((List<?>) initialized.get("taken")).size());
            result.put("init_not_taken", ((List<?>) initialized.get("not_taken")).size());
        }
    }

    static Map<String, Object> result(ModelDir dir, TrainState state, TrainingLog log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_dir", dir.dir().toString());
        m.put("epochs", state.epoch());
        m.put("steps", state.step());
        if (!state.history().isEmpty())
            m.putAll(TrainingLog.toMap(state.history().get(state.history().size() - 1)));
        m.remove("epoch");
        m.remove("step");
        // The last epoch's loss and accuracy, but the whole run's time and mean throughput.
        double seconds = 0;
        double samples = 0;
        for (io.dlkit.backend.train.EpochMetrics e : state.history()) {
            seconds += e.seconds();
            if (Double.isFinite(e.samplesPerSecond()))
                samples += e.samplesPerSecond() * e.seconds();
        }
        if (!state.history().isEmpty()) {
            m.put("seconds", seconds);
            m.put("samples_per_s", seconds > 0 ? samples / seconds : null);
        }
        return m;
    }

    void writeManifest(
            ModelDir dir,
            TrainRequest r,
            GraphContext g,
            Instant started,
            Map<String, Object> result) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dlkit_version", Version.dlkit());
        m.put("command", "train");
        m.put("started_at", started.toString());
        m.put("total_s", (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
        m.put("tensorflow", TfRuntime.get().version());
        m.put("java_version", System.getProperty("java.version"));
        m.put("device", g.device().shortName());
        m.put("seed", ctx.settings().seed());
        m.put("threads", ctx.settings().threads());
        m.put("training", r.toConfig());
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (DataSource s : new DataSource[] {r.data(), r.validation(), r.test()}) {
            if (s != null && Files.isRegularFile(s.path()))
                inputs.add(Map.of("path", s.path().toString(), "sha256", Hashes.sha256(s.path())));
        }
        m.put("inputs", inputs);
        m.put("result", result);
        StringWriter s = new StringWriter();
        Json.print(new PrintWriter(s), m);
        ctx.writer().writeString(dir.manifest(), s.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /**
     * The data of a run, fitted to the model's input shape and normalized; the class names of an
     * image folder; the normalization (computed, or as a resumed model stored it) and the training
     * batches' augmenter.
     */
    record Data(
            Dataset train,
            Dataset validation,
            Dataset test,
            List<String> classNames,
            ChannelNormalization normalization,
            BatchAugmenter augmenter) {
        static Data load(
                TrainRequest r, long[] inputShape, Map<String, Object> saved, String modelFile) {
            InputPrep.checkNormalize(r.normalize());
            InputPrep.checkAugment(r.augment());
            DataSource.Loaded loaded =
                    r.data()
                            .load(
                                    inputShape,
                                    saved == null ? List.of() : InputPrep.classNames(saved));
            List<String> names = loaded.classNames();
            Dataset train = ModelBuild.fit(loaded.data(), inputShape, r.data().toString());
            Dataset val = load(r.validation(), inputShape, names);
            if (val == null && r.validationSplit() > 0) {
                if (r.validationSplit() >= 1) {
                    throw DlkitException.invalidInput(
                            "--val-split must be in [0, 1), got " + r.validationSplit());
                }
                Dataset.Split split = train.split(r.validationSplit());
                train = split.train();
                val = split.validation();
            }
            Dataset test = load(r.test(), inputShape, names);
            ChannelNormalization n =
                    saved != null
                            ? InputPrep.stored(saved, modelFile)
                            : InputPrep.fit(r.normalize(), train, r.data().toString());
            return new Data(
                    InputPrep.apply(n, train),
                    InputPrep.apply(n, val),
                    InputPrep.apply(n, test),
                    names,
                    n,
                    InputPrep.augmenter(r.augment(), inputShape, n));
        }

        private static Dataset load(DataSource source, long[] inputShape, List<String> classNames) {
            if (source == null) return null;
            return ModelBuild.fit(
                    source.load(inputShape, classNames).data(), inputShape, source.toString());
        }
    }
}
