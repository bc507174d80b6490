package io.dlkit.plugins.face.eval;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.Optimizers;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import io.dlkit.plugins.face.train.Encoders;
import io.dlkit.plugins.face.train.FaceEncoder;
import io.dlkit.plugins.face.train.FaceModelDir;
import io.dlkit.plugins.face.train.TrainedHead;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit face eval --data DIR [--pairs pairs.txt] [--model DIR]}: face verification measured
 * the LFW way. Each pair's score is the descriptor distance (face-api's recogniser by default, or
 * an encoder {@code face train} made) or a verification head's probability; the result is the LFW
 * protocol's accuracy (threshold chosen on the other folds, mean and deviation over folds), the
 * best threshold and its accuracy over all pairs, the accuracy at {@code --threshold}, the ROC's
 * area, and the ROC curve as a PNG ({@code --roc}). Pairs whose image has no face are left out and
 * counted.
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = {
            "Verification accuracy, ROC/AUC and best threshold on LFW-style pairs.",
            "e.g. dlkit face eval --data lfw/ --pairs pairs.txt --roc roc.png"
        })
public final class FaceEvalCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "person/*.jpg")
    Path data;

    @Option(names = "--pairs", paramLabel = "FILE", description = "LFW pairs.txt (default: all).")
    Path pairs;

    @Option(names = "--model", paramLabel = "DIR", description = "face train's folder.")
    Path model;

    @Option(names = "--roc", defaultValue = "roc.png", paramLabel = "PNG", description = "ROC.")
    Path roc;

    @Option(names = "--folds", defaultValue = "10", description = "Folds without a header (10).")
    int folds;

    @Option(names = "--threshold", defaultValue = "0.6", description = "Distance threshold.")
    double threshold;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;
    private final Optimizers optimizers;

    /** dlkit injects the command context, the model store and the optimizers. */
    @Inject
    public FaceEvalCommand(CommandContext ctx, PretrainedModels store, Optimizers optimizers) {
        this.ctx = ctx;
        this.store = store;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() {
        Map<String, Object> m = evaluate();
        if (ctx.settings().json()) {
            FaceOutput.printJson(ctx, m);
        } else {
            m.forEach((k, v) -> ctx.out().println(k + ": " + v));
            ctx.out().flush();
        }
        return 0;
    }

    /**
     * Scores the pairs, writes the ROC curve to {@code --roc} and returns what the command prints
     * (the {@code face/eval} step's result): accuracy, AUC, best threshold and the counts.
     */
    public Map<String, Object> evaluate() {
        if (folds < 1) throw DlkitException.invalidInput("--folds must be >= 1, got " + folds);
        ctx.writer().checkWritable(roc);
        Map<String, Object> kind = model == null ? null : FaceModelDir.read(model);
        List<PairsFile.Pair> list =
                pairs != null
                        ? PairsFile.read(pairs, data, folds)
                        : PairsFile.all(data, folds, ctx.settings().seed());
        boolean head = kind != null && FaceModelDir.HEAD.equals(kind.get("face_model"));
        String encoderName =
                kind == null
                        ? "face-api"
                        : head ? String.valueOf(kind.get("encoder")) : model.toString();
        Scores s;
        try (FaceEncoder encoder = Encoders.open(encoderName, ctx, store, options, optimizers);
                TrainedHead h = head ? new TrainedHead(model, ctx.openGraph(), optimizers) : null) {
            s = score(list, encoder, h);
            s.describe =
                    h == null
                            ? encoder.describe()
                            : "verification head " + model + " on " + encoder.describe();
        }
        return report(s, head);
    }

    private static final class Scores {
        double[] score;
        boolean[] same;
        int[] fold;
        int skipped;
        String describe;
    }

    private Scores score(List<PairsFile.Pair> list, FaceEncoder encoder, TrainedHead head) {
        Map<Path, float[]> cache = new HashMap<>();
        double[] score = new double[list.size()];
        boolean[] same = new boolean[list.size()];
        int[] fold = new int[list.size()];
        int n = 0;
        int skipped = 0;
        for (PairsFile.Pair p : list) {
            float[] a = cache.computeIfAbsent(p.a(), f -> embed(encoder, f));
            float[] b = cache.computeIfAbsent(p.b(), f -> embed(encoder, f));
            if (a.length == 0 || b.length == 0) {
                skipped++;
                continue;
            }
            score[n] = head != null ? head.probability(a, b) : -distance(a, b);
            same[n] = p.same();
            fold[n++] = p.fold();
        }
        Scores s = new Scores();
        s.score = java.util.Arrays.copyOf(score, n);
        s.same = java.util.Arrays.copyOf(same, n);
        s.fold = java.util.Arrays.copyOf(fold, n);
        s.skipped = skipped;
        return s;
    }

    private float[] embed(FaceEncoder encoder, Path file) {
        float[] d = encoder.embed(FaceOptions.read(file));
        if (d == null && !ctx.settings().quiet()) {
            ctx.err().println(file + ": no face found; its pairs are left out");
            ctx.err().flush();
        }
        return d == null ? new float[0] : d;
    }

    private static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    private Map<String, Object> report(Scores s, boolean head) {
        Roc r;
        try {
            r = Roc.of(s.score, s.same);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("face eval: " + e.getMessage());
        }
        double[] cv = Roc.crossValidated(s.score, s.same, s.fold);
        int[] all = java.util.stream.IntStream.range(0, s.score.length).toArray();
        double fixedT = head ? 0.5 : -threshold;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoder", s.describe);
        m.put("pairs", s.score.length);
        int same = 0;
        for (boolean b : s.same) same += b ? 1 : 0;
        m.put("same", same);
        m.put("different", s.score.length - same);
        m.put("skipped_no_face", s.skipped);
        m.put("folds", java.util.Arrays.stream(s.fold).max().orElse(0) + 1);
        m.put("accuracy", round(cv[0]));
        m.put("accuracy_std", round(cv[1]));
        m.put("auc", round(r.auc()));
        m.put(
                head ? "best_probability" : "best_distance",
                round(head ? r.threshold() : -r.threshold()));
        m.put("best_accuracy", round(r.accuracy()));
        m.put(
                head ? "accuracy_at_0.5" : "accuracy_at_" + threshold,
                round(Roc.accuracy(s.score, s.same, all, fixedT)));
        m.put("roc", roc.toString());
        ctx.writer().write(roc, out -> RocPlot.write(out, r, s.describe));
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    static String percent(double v) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * v);
    }
}
