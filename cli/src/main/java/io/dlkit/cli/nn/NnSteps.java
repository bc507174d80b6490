package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.train.Evaluation;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The core's network steps: {@code nn/train} (the parameters of {@code dlkit train}, snake_case,
 * including {@code loss}: a built-in loss or a plugin objective's id), {@code nn/eval} (loss,
 * accuracy and an objective's metrics) and {@code nn/predict} (one row of outputs per sample).
 */
public final class NnSteps {
    private final TrainJob job;
    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    NnSteps(TrainJob job, CommandContext ctx, OptimizerRegistry optimizers) {
        this.job = job;
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    /** The step types. */
    public List<StepType> stepTypes() {
        return List.of(new Train(), new Eval(), new Predict());
    }

    private final class Train implements StepType {
        @Override
        public String name() {
            return "nn/train";
        }

        @Override
        public String description() {
            return "Train a network from a model file; the options of dlkit train.";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.required("model", ParamType.PATH, "model file (.yaml/.json)"),
                    ParamSpec.required(
                            "data",
                            ParamType.PATH,
                            "training data: .csv, .npz, IDX file, MNIST-style folder or image folder (PATH@FROM:TO picks rows)"),
                    ParamSpec.optional(
                            "split", ParamType.STRING, "train", "split of an MNIST-style folder"),
                    ParamSpec.optional("val", ParamType.PATH, null, "validation data"),
                    ParamSpec.optional(
                            "val_split",
                            ParamType.FLOAT,
                            0.0,
                            "fraction of the training data held out"),
                    ParamSpec.optional(
                            "test", ParamType.PATH, null, "test data evaluated after training"),
                    ParamSpec.optional("epochs", ParamType.INT, 10, "epochs"),
                    ParamSpec.optional("batch_size", ParamType.INT, 64, "mini-batch size"),
                    ParamSpec.optional("optimizer", ParamType.STRING, "adam", "optimizer name"),
                    ParamSpec.optional(
                            "optimizer_config",
                            ParamType.MAP,
                            Map.of(),
                            "optimizer hyperparameters"),
                    ParamSpec.optional("learning_rate", ParamType.FLOAT, 0.001, "learning rate"),
                    ParamSpec.optional(
                            "lr_schedule",
                            ParamType.STRING,
                            "constant",
                            "learning-rate schedule spec"),
                    ParamSpec.optional("l2", ParamType.FLOAT, 0.0, "L2 strength lambda"),
                    ParamSpec.optional(
                            "clip_value", ParamType.FLOAT, 0.0, "clip gradients to [-v, v]"),
                    ParamSpec.optional(
                            "clip_norm", ParamType.FLOAT, 0.0, "clip the global gradient norm"),
                    ParamSpec.optional("loss", ParamType.STRING, "auto", "loss name or auto"),
                    ParamSpec.optional(
                            "early_stopping", ParamType.STRING, null, "METRIC[:PATIENCE]"),
                    ParamSpec.optional(
                            "checkpoint_every", ParamType.INT, 0, "also checkpoint every N steps"),
                    ParamSpec.optional(
                            "out",
                            ParamType.OUTPUT,
                            "model",
                            "model directory, inside the run's output folder"),
                    ParamSpec.optional("plot", ParamType.BOOL, true, "write curves.png"),
                    ParamSpec.optional(
                            "augment",
                            ParamType.STRING,
                            "none",
                            "training-batch augmentation: flip, crop:P, flip,crop:4 or none"),
                    ParamSpec.optional(
                            "normalize",
                            ParamType.STRING,
                            "none",
                            "input normalization: none, scale or standardize"),
                    ParamSpec.optional(
                            "loss_weights",
                            ParamType.STRING,
                            null,
                            "a model with named outputs: OUT=W,... weights of the outputs' losses"),
                    ParamSpec.optional(
                            "freeze",
                            ParamType.STRING,
                            null,
                            "freeze every layer up to and including this one"),
                    ParamSpec.optional(
                            "init_from",
                            ParamType.PATH,
                            null,
                            "start from this model directory's weights where names and shapes"
                                    + " match"));
        }

        @Override
        public List<Port> inputs() {
            return List.of();
        }

        @Override
        public List<Port> outputs() {
            return List.of(
                    Port.of("model", ArtifactType.MODEL, "the model directory"),
                    Port.of("metrics", ArtifactType.JSON, "final metrics (and test accuracy)"));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
            Path out = context.resolveOutput(p.string("out"));
            TrainRequest r =
                    new TrainRequest(
                            p.path("model").toAbsolutePath(),
                            DataSource.parse(p.string("data"), p.string("split")),
                            p.has("val") ? DataSource.parse(p.string("val"), "t10k") : null,
                            p.number("val_split"),
                            p.has("test") ? DataSource.parse(p.string("test"), "t10k") : null,
                            p.integer("epochs"),
                            p.integer("batch_size"),
                            p.string("optimizer"),
                            new LinkedHashMap<>(p.map("optimizer_config")),
                            p.number("learning_rate"),
                            p.string("lr_schedule"),
                            p.number("l2"),
                            p.number("clip_value"),
                            p.number("clip_norm"),
                            p.string("loss"),
                            p.string("early_stopping"),
                            p.integer("checkpoint_every"),
                            out,
                            false,
                            p.bool("plot"),
                            InputPrep.checkAugment(p.string("augment")),
                            InputPrep.checkNormalize(p.string("normalize")),
                            p.has("loss_weights") ? p.string("loss_weights") : null);
            Transfer transfer =
                    new Transfer(
                            p.has("freeze") ? p.string("freeze") : null,
                            p.has("init_from") ? p.path("init_from").toAbsolutePath() : null);
            Map<String, Object> result = job.run(r, MemoryBudget.AVAILABLE, transfer);
            for (String f :
                    new String[] {
                        "model.yaml", "metrics.csv", "metrics.json", "curves.png", "manifest.json"
                    }) {
                Path file = out.resolve(f);
                if (java.nio.file.Files.exists(file)) context.recordOutput(file);
            }
            return Map.of("model", out, "metrics", result);
        }
    }

    private final class Eval implements StepType {
        @Override
        public String name() {
            return "nn/eval";
        }

        @Override
        public String description() {
            return "Evaluate a trained model: loss and accuracy.";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.required("data", ParamType.PATH, "data to evaluate on"),
                    ParamSpec.optional(
                            "split", ParamType.STRING, "t10k", "split of an MNIST-style folder"),
                    ParamSpec.optional("batch_size", ParamType.INT, 256, "batch size"));
        }

        @Override
        public List<Port> inputs() {
            return List.of(Port.of("model", ArtifactType.MODEL, "a model directory"));
        }

        @Override
        public List<Port> outputs() {
            return List.of(Port.of("metrics", ArtifactType.JSON, "samples, loss, accuracy"));
        }

        @Override
        public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
            checkBatchSize(p);
            Path dir = (Path) inputs.get("model");
            if (FunctionalTrained.isFunctional(dir)) {
                Map<String, Object> metrics =
                        FunctionalCommands.evaluate(
                                ctx,
                                optimizers,
                                dir,
                                DataSource.parse(p.string("data"), p.string("split")),
                                p.integer("batch_size"));
                context.progress(1, 1, "loss " + metrics.get("loss"));
                return Map.of("metrics", metrics);
            }
            try (TrainedModel m = TrainedModel.open(dir, ctx, optimizers)) {
                Evaluation e =
                        m.runner()
                                .evaluate(
                                        m.data(
                                                DataSource.parse(
                                                        p.string("data"), p.string("split"))),
                                        p.integer("batch_size"));
                Map<String, Object> metrics = new LinkedHashMap<>();
                metrics.put("samples", e.samples());
                metrics.put("loss", e.loss());
                metrics.put("accuracy", Double.isNaN(e.accuracy()) ? null : e.accuracy());
                context.progress(1, 1, "accuracy " + e.accuracy());
                return Map.of("metrics", metrics);
            }
        }
    }

    private final class Predict implements StepType {
        @Override
        public String name() {
            return "nn/predict";
        }

        @Override
        public String description() {
            return "Predict with a trained model; writes predictions.csv (index, class, outputs).";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(
                    ParamSpec.required("data", ParamType.PATH, "samples to predict"),
                    ParamSpec.optional(
                            "split", ParamType.STRING, "t10k", "split of an MNIST-style folder"),
                    ParamSpec.optional("batch_size", ParamType.INT, 256, "batch size"),
                    ParamSpec.optional(
                            "file",
                            ParamType.OUTPUT,
                            "predictions.csv",
                            "CSV file in the run's output folder"));
        }

        @Override
        public List<Port> inputs() {
            return List.of(Port.of("model", ArtifactType.MODEL, "a model directory"));
        }

        @Override
        public List<Port> outputs() {
            return List.of(
                    Port.of("file", ArtifactType.FILE, "the predictions CSV"),
                    Port.of("summary", ArtifactType.JSON, "samples and predicted-class counts"));
        }

        @Override
        public Map<String, Object> run(StepContext context, Params p, Map<String, Object> inputs) {
            checkBatchSize(p);
            Path dir = (Path) inputs.get("model");
            if (FunctionalTrained.isFunctional(dir)) return predictFunctional(context, p, dir);
            try (TrainedModel m = TrainedModel.open(dir, ctx, optimizers)) {
                var d = m.data(DataSource.parse(p.string("data"), p.string("split")));
                float[] y =
                        m.runner()
                                .predict(
                                        d,
                                        p.integer("batch_size"),
                                        b -> context.progress(b, 0, "batch " + b));
                int width = m.outputs();
                boolean classes = m.training.objective.classification();
                StringBuilder csv = new StringBuilder("index");
                if (classes) csv.append(",class");
                for (int j = 0; j < width; j++) csv.append(classes ? ",p" : ",y").append(j);
                csv.append('\n');
                Map<Integer, Integer> counts = new java.util.TreeMap<>();
                for (int i = 0; i < d.size(); i++) {
                    csv.append(i);
                    if (classes) {
                        int c = io.dlkit.backend.train.ModelRunner.predictedClass(y, i, width);
                        counts.merge(c, 1, Integer::sum);
                        csv.append(',').append(c);
                    }
                    for (int j = 0; j < width; j++) csv.append(',').append(y[i * width + j]);
                    csv.append('\n');
                }
                Path file = context.resolveOutput(p.string("file"));
                context.writer().writeString(file, csv.toString());
                context.recordOutput(file);
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("samples", d.size());
                if (classes) summary.put("class_counts", counts);
                return Map.of("file", file, "summary", summary);
            }
        }
    }

    /** A functional model's predictions: every output's columns, as dlkit predict prints. */
    private Map<String, Object> predictFunctional(StepContext context, Params p, Path dir) {
        java.io.StringWriter text = new java.io.StringWriter();
        int rows;
        try (java.io.PrintWriter out = new java.io.PrintWriter(text)) {
            rows =
                    FunctionalCommands.predict(
                            ctx,
                            optimizers,
                            dir,
                            DataSource.parse(p.string("data"), p.string("split")),
                            p.integer("batch_size"),
                            null,
                            out,
                            false);
        }
        Path file = context.resolveOutput(p.string("file"));
        context.writer().writeString(file, text.toString());
        context.recordOutput(file);
        return Map.of("file", file, "summary", Map.of("samples", rows));
    }

    private static void checkBatchSize(Params p) {
        if (p.integer("batch_size") < 1) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    "batch_size must be at least 1, got " + p.integer("batch_size"));
        }
    }
}
