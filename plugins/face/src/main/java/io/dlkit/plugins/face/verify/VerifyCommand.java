package io.dlkit.plugins.face.verify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.plugins.face.Face;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face verify A.jpg B.jpg [--threshold 0.6]}: face verification (is this the same
 * person?) for every pair of a face of A and a face of B: the Euclidean distance of their
 * descriptors, and {@code same} when it is below the threshold. One row per pair, or with {@code
 * --format json} one JSON line per pair.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Same person or not: descriptor distance for each pair of faces of two images.",
            "e.g. dlkit face verify a.jpg b.jpg --threshold 0.6"
        })
public final class VerifyCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "A", description = "The first image.")
    Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The second image.")
    Path second;

    @Option(
            names = "--threshold",
            paramLabel = "D",
            defaultValue = "0.6",
            description = "Largest distance still the same person (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public VerifyCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        if (!(threshold > 0)) {
            throw DlkitException.invalidInput("--threshold must be above 0, got " + threshold);
        }
        double min = options.minConfidence();
        List<Face> a;
        List<Face> b;
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            a = analyzer.analyze(FaceOptions.read(first), min);
            b = analyzer.analyze(FaceOptions.read(second), min);
        }
        for (Object[] none : new Object[][] {{first, a}, {second, b}}) {
            if (((List<?>) none[1]).isEmpty()) {
                ctx.err().println(none[0] + ": no face found; nothing to verify");
            }
        }
        ctx.err().flush();
        if (!ctx.settings().json()) {
            ctx.out().println("A_FACE  B_FACE  DISTANCE  RESULT");
        }
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                double d = Face.distance(a.get(i).descriptor(), b.get(j).descriptor());
                print(i + 1, j + 1, d, d < threshold);
            }
        }
        ctx.out().flush();
        return 0;
    }

    private void print(int i, int j, double distance, boolean same) {
        String result = same ? "same" : "different";
        if (ctx.settings().json()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("a", first.toString());
            row.put("a_face", i);
            row.put("b", second.toString());
            row.put("b_face", j);
            row.put("distance", Math.round(distance * 1e4) / 1e4);
            row.put("result", result);
            FaceOutput.printJson(ctx, row);
        } else {
            ctx.out()
                    .println(
                            String.format(Locale.ROOT, "%d  %d  %.4f  %s", i, j, distance, result));
        }
    }
}
