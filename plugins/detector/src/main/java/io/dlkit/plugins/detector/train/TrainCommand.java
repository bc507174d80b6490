package io.dlkit.plugins.detector.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.plugins.detector.yolo.YoloModel;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import io.dlkit.plugins.detector.yolo.YoloTargets;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit detect train --data DIR --model yolov2-tiny.yaml --out DIR}: trains a YOLOv2-family
 * detector from scratch (or continues one with {@code --resume}) through the core {@link Trainer}:
 * the {@link YoloObjective}, a {@link YoloBatchSource} with augmentation, checkpoints every epoch
 * (and every N steps), exact resume, a NaN stop, {@code metrics.csv} and {@code curves.png}; with
 * {@code --val DIR}, the validation loss per epoch and mAP at the end. The model folder then works
 * with {@code dlkit detect --model DIR}, {@code detect eval} and {@code detect export}.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Train a YOLOv2 / Tiny-YOLOv2 detector on labelled images.")
public final class TrainCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            required = true,
            paramLabel = "DIR",
            description = "Training set: images/ + labels/ (YOLO txt), VOC or COCO.")
    Path data;

    @Option(names = "--val", paramLabel = "DIR", description = "Validation set, same layouts.")
    Path val;

    @Option(
            names = "--model",
            defaultValue = "yolov2-tiny",
            paramLabel = "FILE|NAME",
            description =
                    "yolov2-tiny (default), yolov2, a model file (architecture: yolov2_tiny, input_size, width, anchors) or a Darknet .cfg.")
    String model;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The model folder to write.")
    Path out;

    @Option(names = "--epochs", defaultValue = "30", description = "Epochs to reach (default 30).")
    int epochs;

    @Option(
            names = "--batch-size",
            defaultValue = "16",
            description = "Images per batch (default 16).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate (default 0.001).")
    double lr;

    @Option(
            names = "--lr-schedule",
            paramLabel = "SPEC",
            description = "A learning-rate schedule as dlkit train takes it (default constant).")
    String schedule;

    @Option(names = "--optimizer", defaultValue = "adam", description = "Optimizer (default adam).")
    String optimizer;

    @Option(
            names = "--anchors",
            defaultValue = "default",
            paramLabel = "default|kmeans|W,H,...",
            description =
                    "The model's anchors, k-means over the data's boxes, or w,h pairs in grid cells.")
    String anchors;

    @Option(
            names = "--no-augment",
            description = "Train without flips, scale/translate and colour jitter.")
    boolean noAugment;

    @Option(
            names = "--jitter",
            defaultValue = "0.2",
            description = "Largest relative scale change and shift (default 0.2).")
    double jitter;

    @Option(
            names = "--clip-norm",
            defaultValue = "10",
            description = "Clip gradients to this global norm (default 10, 0 = off).")
    double clipNorm;

    @Option(
            names = "--checkpoint-every",
            defaultValue = "0",
            paramLabel = "STEPS",
            description = "Also checkpoint every this many steps.")
    int checkpointEvery;

    @Option(names = "--resume", description = "Continue the training of --out up to --epochs.")
    boolean resume;

    @Option(
            names = "--head",
            defaultValue = "yolo",
            paramLabel = "yolo|localization|landmarks",
            description =
                    "yolo (default), or localization: one object per image (p_c, box, classes) with"
                            + " --model a sequential model YAML whose last layer gives 5 + classes outputs;"
                            + " landmarks: DIR/landmarks/NAME.txt 'x1 y1 .. xk yk', 2k outputs.")
    String head;

    private final CommandContext ctx;
    private final Optimizers optimizers;

    /** dlkit injects the command context and the optimizers. */
    @Inject
    public TrainCommand(CommandContext ctx, Optimizers optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        Path dir = root.resolve(out);
        check();
        if (head.equals("localization")) return HeadTraining.localization(this, ctx, optimizers);
        if (head.equals("landmarks")) return LandmarkTraining.run(this, ctx, optimizers);
        if (!head.equals("yolo"))
            throw DlkitException.invalidInput(
                    "--head must be yolo, localization or landmarks, got '" + head + "'");
        DetectionData train = DetectionData.read(root.resolve(data));
        DetectionData validation = val == null ? null : DetectionData.read(root.resolve(val));
        Map<String, Object> saved =
                resume ? YoloModelDir.readYaml(dir.resolve(YoloModelDir.MODEL_FILE)) : null;
        YoloModel m = resume ? YoloModelDir.read(dir) : fresh(root, dir, train);
        if (!m.classNames().equals(train.classNames())) {
            throw DlkitException.invalidInput(
                    data
                            + ": classes "
                            + train.classNames()
                            + " differ from the model's "
                            + m.classNames());
        }
        Map<String, Object> training = resume ? resumed(saved, dir) : training();
        Optimizer opt = optimizers.create(String.valueOf(training.get("optimizer")), Map.of());
        try (GraphContext g = ctx.openGraph()) {
            YoloObjective objective =
                    new YoloObjective(
                            m.grid(), m.anchorCount(), m.classes(), YoloObjective.Scales.DARKNET);
            TrainingGraph tg =
                    TrainingGraph.build(
                            g, m.build(), opt, new TrainingSpec(objective, 0, 0, clipNorm));
            Checkpoints checkpoints = new Checkpoints(dir);
            TrainState state = TrainState.initial();
            if (resume) {
                state = checkpoints.restore(g.session());
                ctx.writer().claim(dir.resolve("metrics.csv"));
                ctx.writer().claim(dir.resolve("curves.png"));
            } else {
                ctx.writer().prepareFolder(dir, "--out");
                ctx.writer()
                        .writeString(
                                dir.resolve(YoloModelDir.MODEL_FILE),
                                YoloModelDir.yaml(YoloModelDir.content(m, training)));
            }
            if (state.epoch() >= epochs) {
                throw DlkitException.invalidInput(
                        dir
                                + " already trained "
                                + state.epoch()
                                + " epochs; pass --epochs N with N > "
                                + state.epoch());
            }
            state = fit(tg, m, train, validation, training, checkpoints, dir, state);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model_dir", dir.toString());
            result.put("epochs", state.epoch());
            result.put("steps", state.step());
            var last = state.history().get(state.history().size() - 1);
            result.put("loss", last.loss());
            if (!Double.isNaN(last.valLoss())) result.put("val_loss", last.valLoss());
            if (validation != null) {
                EvalReport.Summary s = EvalReport.evaluate(tg, m, validation);
                result.put("val_map50", s.map50());
                result.put("val_map50_95", s.map5095());
            }
            EvalReport.print(ctx, result);
        }
        return 0;
    }

    private TrainState fit(
            TrainingGraph tg,
            YoloModel m,
            DetectionData train,
            DetectionData validation,
            Map<String, Object> training,
            Checkpoints checkpoints,
            Path dir,
            TrainState state) {
        int size = m.inputSize();
        int batch = ((Number) training.get("batch_size")).intValue();
        YoloTargets targets = new YoloTargets(m.grid(), m.grid(), m.anchors(), m.classes());
        Augmentation aug =
                Boolean.TRUE.equals(training.get("augment"))
                        ? new Augmentation(
                                ((Number) training.get("jitter")).doubleValue(), true, 1.5)
                        : Augmentation.NONE;
        YoloBatchSource source =
                new YoloBatchSource(
                        i -> train.image(i, size), train.labels(), size, batch, targets, aug, true);
        YoloBatchSource valSource =
                validation == null
                        ? null
                        : new YoloBatchSource(
                                i -> validation.image(i, size),
                                validation.labels(),
                                size,
                                batch,
                                targets,
                                Augmentation.NONE,
                                false);
        TrainOptions options =
                TrainerSetup.options(
                        ctx,
                        epochs,
                        batch,
                        String.valueOf(training.getOrDefault("lr_schedule", "constant")),
                        ((Number) training.get("lr")).doubleValue(),
                        checkpointEvery);
        try (var prefetch = io.dlkit.backend.data.BatchSources.prefetching(source, 2)) {
            return TrainerSetup.fit(ctx, tg, options, checkpoints, dir, prefetch, valSource, state);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    private YoloModel fresh(Path root, Path dir, DetectionData train) throws IOException {
        if (Files.exists(dir.resolve(YoloModelDir.MODEL_FILE)) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    dir
                            + " already holds a model; pass --resume to continue its training, --overwrite to start over, or choose another --out");
        }
        if (ctx.settings().overwrite()) deleteCheckpoint(dir);
        return YoloModelFile.resolve(
                root, model, train.classNames(), anchors, train.labels(), ctx.settings().seed());
    }

    private Map<String, Object> training() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("data", data.toString());
        t.put("model_file", model);
        t.put("epochs", epochs);
        t.put("batch_size", batchSize);
        t.put("lr", lr);
        t.put("lr_schedule", schedule == null ? "constant" : schedule);
        t.put("optimizer", optimizer);
        t.put("loss", YoloObjective.ID);
        t.put("augment", !noAugment);
        t.put("jitter", jitter);
        t.put("seed", ctx.settings().seed());
        return t;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resumed(Map<String, Object> saved, Path dir) {
        Map<String, Object> t =
                new LinkedHashMap<>((Map<String, Object>) saved.getOrDefault("training", Map.of()));
        if (t.get("seed") instanceof Number n && n.longValue() != ctx.settings().seed()) {
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
        if (!t.containsKey("batch_size"))
            throw DlkitException.invalidInput(
                    dir + ": model.yaml has no training section to resume");
        return t;
    }

    private void check() {
        if (epochs < 1) throw DlkitException.invalidInput("--epochs must be >= 1, got " + epochs);
        if (batchSize < 1)
            throw DlkitException.invalidInput("--batch-size must be >= 1, got " + batchSize);
        if (!(lr > 0)) throw DlkitException.invalidInput("--lr must be > 0, got " + lr);
        if (!(jitter >= 0 && jitter < 0.5))
            throw DlkitException.invalidInput("--jitter must be in [0, 0.5), got " + jitter);
        if (!(clipNorm >= 0))
            throw DlkitException.invalidInput("--clip-norm must be >= 0, got " + clipNorm);
    }

    private static void deleteCheckpoint(Path dir) throws IOException {
        for (String name : new String[] {"checkpoint", ".checkpoint-old"}) {
            Path p = dir.resolve(name);
            if (!Files.exists(p)) continue;
            try (var s = Files.walk(p)) {
                for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList())
                    Files.delete(q);
            }
        }
    }
}
