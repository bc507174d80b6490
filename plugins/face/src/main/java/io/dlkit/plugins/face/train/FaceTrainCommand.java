package io.dlkit.plugins.face.train;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.DamagedCheckpointException;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.Nn4Small2;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit face train --data DIR --loss triplet|pairs --out DIR}: FaceNet (an NN4-small2
 * encoder trained with the semi-hard triplet loss on identity batches) or DeepFace (a verification
 * head on pairs of a frozen encoder's descriptors), with the core trainer: a progress line per
 * epoch, {@code checkpoint/} every epoch (and every {@code --checkpoint-every} steps), {@code
 * --resume}, {@code metrics.csv} and {@code curves.png}. Data: {@code DIR/person/*.jpg} (the LFW
 * layout).
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a face encoder (triplet loss) or a verification head (pairs) on person/*.jpg.",
            "e.g. dlkit face train --data lfw/ --loss triplet --out runs/facenet --epochs 20"
        })
public final class FaceTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "person/*.jpg")
    Path data;

    @Option(
            names = "--val",
            paramLabel = "DIR",
            description = "Validation identities, same layout.")
    Path val;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder.")
    Path out;

    @Option(names = "--loss", defaultValue = "triplet", description = "triplet or pairs.")
    String loss;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs to reach (10).")
    int epochs;

    @Option(names = "--lr", description = "Learning rate (triplet 0.001, pairs 0.01).")
    Double lr;

    @Option(names = "--optimizer", defaultValue = "adam", description = "Optimizer (adam).")
    String optimizer;

    @Option(names = "--resume", description = "Continue the training in --out.")
    boolean resume;

    @Option(names = "--checkpoint-every", defaultValue = "0", description = "Also every N steps.")
    int checkpointEvery;

    @Option(names = "--identities-per-batch", defaultValue = "8", description = "P (8).")
    int perBatch;

    @Option(names = "--images-per-identity", defaultValue = "4", description = "K (4).")
    int perIdentity;

    @Option(names = "--batches-per-epoch", defaultValue = "0", description = "0: one pass.")
    int batches;

    @Option(names = "--width", defaultValue = "1", description = "NN4-small2 filter multiplier.")
    double width;

    @Option(names = "--bn-momentum", defaultValue = "0.9", description = "Batch norm momentum.")
    double momentum;

    @Option(names = "--align", description = "Cut each image to face-api's aligned face first.")
    boolean align;

    @Option(names = "--no-flip", description = "Do not mirror training images at random.")
    boolean noFlip;

    @Option(
            names = "--encoder",
            defaultValue = "face-api",
            description = "pairs: face-api or a triplet-trained model folder (face-api).")
    String encoder;

    @Option(names = "--distance", defaultValue = "abs", description = "pairs: abs or chi_square.")
    String distance;

    @Option(names = "--pairs-per-batch", defaultValue = "64", description = "pairs: (64).")
    int pairsPerBatch;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;
    private final Optimizers optimizers;

    /** dlkit injects the command context, the model store and the optimizers. */
    @Inject
    public FaceTrainCommand(CommandContext ctx, PretrainedModels store, Optimizers optimizers) {
        this.ctx = ctx;
        this.store = store;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() {
        print(train());
        return 0;
    }

    /**
     * Trains as the options say and returns what the command prints: {@code model_dir}, {@code
     * epochs}, {@code steps} and the last epoch's metrics (the {@code face/train} step's result).
     */
    public Map<String, Object> train() {
        if (!loss.equals("triplet") && !loss.equals("pairs")) {
            throw DlkitException.invalidInput(
                    "--loss must be triplet or pairs, got '" + loss + "'");
        }
        if (epochs < 1) throw DlkitException.invalidInput("--epochs must be >= 1, got " + epochs);
        Map<String, Object> saved = resume ? FaceModelDir.read(out) : null;
        if (!resume) checkFresh();
        else claim();
        TrainRun run = loss.equals("triplet") ? new TripletRun(saved) : new PairsRun(saved);
        try {
            return run.run();
        } catch (TrainingDivergedException e) {
            throw new DlkitException(ExitCode.FAILED, "face train: " + e.getMessage());
        } catch (DamagedCheckpointException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("face train: " + e.getMessage());
        }
    }

    private void checkFresh() {
        if (Files.exists(FaceModelDir.file(out)) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out
                            + " already holds a model; pass --resume to continue it, --overwrite to"
                            + " start over, or choose another --out");
        }
        ctx.writer().prepareFolder(out, "--out");
        for (String f : List.of("model.yaml", "metrics.csv", "curves.png"))
            ctx.writer().checkWritable(out.resolve(f));
    }

    private void claim() {
        for (String f : List.of("model.yaml", "metrics.csv", "curves.png"))
            ctx.writer().claim(out.resolve(f));
    }

    /** One kind of training: what it reads, builds and writes. */
    private abstract class TrainRun {
        final Map<String, Object> saved;

        TrainRun(Map<String, Object> saved) {
            this.saved = saved;
            if (saved != null
                    && saved.get("seed") instanceof Number n
                    && n.longValue() != ctx.settings().seed()) {
                throw DlkitException.invalidInput(
                        out
                                + " was trained with --seed "
                                + n.longValue()
                                + "; pass --seed "
                                + n.longValue()
                                + " to resume it exactly");
            }
        }

        abstract Map<String, Object> run();

        /** The optimizer: model.yaml's when resuming, else {@code --optimizer}'s. */
        Optimizer optimizer() {
            if (saved != null) return FaceModelDir.optimizer(saved, optimizers);
            return optimizers.create(optimizer, Map.of());
        }

        double rate(double fallback) {
            if (saved != null && saved.get("learning_rate") instanceof Number n)
                return n.doubleValue();
            double r = lr != null ? lr : fallback;
            if (!(r > 0)) throw DlkitException.invalidInput("--lr must be > 0, got " + r);
            return r;
        }

        Map<String, Object> fit(GraphContext g, Map<String, Object> content, double rate, Fit fit) {
            TrainState state = TrainState.initial();
            Checkpoints cp = new Checkpoints(out);
            if (resume) {
                state = cp.restore(g.session());
                if (state.epoch() >= epochs) {
                    throw DlkitException.invalidInput(
                            out
                                    + " already trained "
                                    + state.epoch()
                                    + " epochs; pass --epochs N"
                                    + " with N > "
                                    + state.epoch()
                                    + " to continue");
                }
            } else {
                content.put("seed", ctx.settings().seed());
                content.put("learning_rate", rate);
                content.put("optimizer", optimizer);
                content.put("data", data.toString());
                FaceModelDir.write(ctx.writer(), out, content);
            }
            TrainOptions opts =
                    new TrainOptions(
                            epochs,
                            1,
                            new ConstantSchedule(rate),
                            ctx.settings().seed(),
                            checkpointEvery,
                            null,
                            1);
            TrainingFiles files =
                    new TrainingFiles(
                            out,
                            ctx.writer(),
                            ctx.settings().quiet() ? null : ctx.err(),
                            10,
                            state.history());
            return result(fit.fit(opts, cp, state, files));
        }
    }

    @FunctionalInterface
    private interface Fit {
        TrainState fit(TrainOptions o, Checkpoints cp, TrainState s, TrainingFiles files);
    }

    private final class TripletRun extends TrainRun {
        TripletRun(Map<String, Object> saved) {
            super(saved);
        }

        @Override
        Map<String, Object> run() {
            Optimizer opt = optimizer();
            EncoderTraining spec =
                    saved != null
                            ? EncoderTraining.fromMap(saved)
                            : new EncoderTraining(
                                    width,
                                    momentum,
                                    perBatch,
                                    perIdentity,
                                    batches,
                                    align,
                                    !noFlip);
            FaceFolder train;
            FaceFolder validation;
            try (FaceAnalyzer aligner = spec.align() ? options.open(ctx, store) : null) {
                double min = options.minConfidence();
                train = read(data, aligner, min);
                validation = val == null ? null : read(val, aligner, min);
            }
            say(
                    String.format(
                            Locale.ROOT,
                            "face train: %d identities, %d images (%s)",
                            train.identities(),
                            train.images(),
                            data));
            try (GraphContext g = ctx.openGraph()) {
                TrainingGraph tg = spec.graph(g, opt);
                return fit(
                        g,
                        spec.toMap(),
                        rate(1e-3),
                        (o, cp, s, files) -> spec.train(tg, train, validation, o, cp, s, files));
            }
        }

        private FaceFolder read(Path dir, FaceAnalyzer aligner, double min) {
            return FaceFolder.read(
                    dir,
                    Nn4Small2.SIDE,
                    aligner == null ? null : img -> aligner.alignedFace(img, min));
        }
    }

    private final class PairsRun extends TrainRun {
        PairsRun(Map<String, Object> saved) {
            super(saved);
        }

        @Override
        Map<String, Object> run() {
            String enc = saved != null ? String.valueOf(saved.get("encoder")) : encoder;
            List<List<float[]>> train;
            List<List<float[]>> validation;
            Optimizer opt = optimizer();
            try (FaceEncoder e = Encoders.open(enc, ctx, store, options, optimizers)) {
                say("face train: descriptors by " + e.describe());
                train = Descriptors.of(e, data, ctx.settings().quiet() ? null : ctx.err());
                validation = val == null ? null : Descriptors.of(e, val, null);
            }
            int size = train.stream().flatMap(List::stream).findFirst().orElseThrow().length;
            HeadTraining spec =
                    saved != null
                            ? HeadTraining.fromMap(saved)
                            : new HeadTraining(
                                    enc,
                                    VerificationHead.Distance.parse(distance),
                                    size,
                                    pairsPerBatch,
                                    batches > 0 ? batches : 20);
            try (GraphContext g = ctx.openGraph()) {
                TrainingGraph tg = spec.graph(g, opt);
                return fit(
                        g,
                        spec.toMap(),
                        rate(1e-2),
                        (o, cp, s, files) -> spec.train(tg, train, validation, o, cp, s, files));
            }
        }
    }

    private void say(String s) {
        if (ctx.settings().quiet()) return;
        ctx.err().println(s);
        ctx.err().flush();
    }

    private Map<String, Object> result(TrainState s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model_dir", out.toString());
        r.put("epochs", s.epoch());
        r.put("steps", s.step());
        if (!s.history().isEmpty()) {
            EpochMetrics m = s.history().get(s.history().size() - 1);
            r.put("loss", m.loss());
            if (Double.isFinite(m.valLoss())) r.put("val_loss", m.valLoss());
            if (Double.isFinite(m.accuracy())) r.put("accuracy", m.accuracy());
            if (Double.isFinite(m.valAccuracy())) r.put("val_accuracy", m.valAccuracy());
            r.putAll(m.extra());
            r.put("seconds", s.history().stream().mapToDouble(EpochMetrics::seconds).sum());
        }
        return r;
    }

    private void print(Map<String, Object> r) {
        if (ctx.settings().json()) {
            FaceOutput.printJson(ctx, r);
        } else {
            r.forEach((k, v) -> ctx.out().println(k + ": " + v));
            ctx.out().flush();
        }
    }
}
