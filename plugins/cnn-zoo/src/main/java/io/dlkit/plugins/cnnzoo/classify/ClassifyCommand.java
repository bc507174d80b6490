package io.dlkit.plugins.cnnzoo.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.CommandProvider;
import io.dlkit.api.model.ModelStore;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pf4j.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit classify MODEL_DIR IMAGE... [--top-k 5]}: the top classes of each image with their
 * probabilities, as a table (one row per image and rank) or, with {@code --format json}, one JSON
 * document {@code {model, top_k, predictions: [{image, top: [{class, id, probability}]}]}}. A
 * folder argument stands for every image under it. See {@link Classifier} for how images meet the
 * model.
 */
@Extension
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classify images with a trained model: the top-k classes and their probabilities.",
            "e.g. dlkit classify runs/flowers daisy.jpg tulips/ --top-k 3"
        })
public final class ClassifyCommand implements CommandProvider, Callable<Integer> {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(
            index = "0",
            paramLabel = "MODEL_DIR",
            description = "A model directory written by dlkit train (or an importer).")
    Path modelDir;

    @Parameters(
            index = "1..*",
            arity = "1..*",
            paramLabel = "IMAGE",
            description = "Image files (PNG, JPEG, BMP, GIF) or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(
            names = "--top-k",
            paramLabel = "K",
            defaultValue = "5",
            description = "How many classes to show per image (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(
            names = "--strict",
            description =
                    "Stop at the first image under a folder that cannot be read (by default it is"
                            + " reported on stderr and skipped).")
    boolean strict;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public ClassifyCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Object command() {
        return this;
    }

    @Override
    public Integer call() {
        if (topK < 1) {
            throw DlkitException.invalidInput("--top-k must be at least 1, got " + topK);
        }
        List<Path> files = Classifier.imageFiles(images);
        List<Prediction> predictions;
        try (Classifier c = Classifier.open(store, modelDir)) {
            if (c.warning() != null) warn(modelDir + ": " + c.warning());
            predictions = c.classifyFiles(files, topK, done -> {}, this::skip);
        }
        if (ctx.settings().json()) {
            printJson(predictions);
        } else {
            printTable(predictions);
        }
        return 0;
    }

    /** An image named on the command line, or any with --strict, stops the run; others skip. */
    private void skip(Path file, DlkitException e) {
        if (strict || images.contains(file)) throw e;
        warn("skipped " + e.getMessage() + " (--strict makes this an error)");
    }

    private void warn(String message) {
        ctx.err().println("warning: " + message);
        ctx.err().flush();
    }

    private void printJson(List<Prediction> predictions) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", modelDir.toString());
        doc.put("top_k", topK);
        doc.put("predictions", predictions.stream().map(Prediction::toJson).toList());
        try {
            ctx.out().println(JSON.writeValueAsString(doc));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.out().flush();
    }

    private void printTable(List<Prediction> predictions) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"IMAGE", "RANK", "CLASS", "PROBABILITY"});
        for (Prediction p : predictions) {
            for (int r = 0; r < p.top().size(); r++) {
                Prediction.ClassScore s = p.top().get(r);
                rows.add(
                        new String[] {
                            p.image(),
                            Integer.toString(r + 1),
                            s.name(),
                            String.format(Locale.ROOT, "%.4f", s.probability())
                        });
            }
        }
        int[] w = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < 4; i++) w[i] = Math.max(w[i], row[i].length());
        }
        PrintWriter out = ctx.out();
        for (String[] row : rows) {
            out.println(
                    String.format(
                                    Locale.ROOT,
                                    "%-" + w[0] + "s  %" + w[1] + "s  %-" + w[2] + "s  %" + w[3]
                                            + "s",
                                    (Object[]) row)
                            .stripTrailing());
        }
        out.flush();
    }
}
