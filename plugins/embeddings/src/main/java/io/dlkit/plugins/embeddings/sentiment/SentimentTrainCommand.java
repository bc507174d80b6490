package io.dlkit.plugins.embeddings.sentiment;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.model.ModelStore;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.command.CommandIo;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.format.VectorFormat;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit embed sentiment-train --data FILE.json --vectors V [--model average|lstm] --out
 * DIR}: the notes' two sentiment models over word vectors, trained by {@code dlkit train} on a
 * shuffled split (the seed's), then scored on the held-out part. The model directory also holds the
 * vectors and {@code sentiment.json}, so {@code dlkit embed sentiment DIR "text"} needs nothing
 * else. The LSTM model uses the rnn plugin's {@code lstm} layer.
 */
@Command(
        name = "sentiment-train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a sentiment classifier (negative/positive) over word vectors.",
            "e.g. dlkit embed sentiment-train --data imdb.json --vectors v.bin --out runs/sentiment"
        })
public final class SentimentTrainCommand implements Callable<Integer> {
    @Option(
            names = "--data",
            required = true,
            split = ",",
            paramLabel = "FILE.json",
            description = "Labelled sentences [{\"text\": ..., \"class\": 0|1}] (repeatable).")
    List<Path> data;

    @Option(
            names = "--vectors",
            required = true,
            paramLabel = "FILE",
            description = "Word vectors.")
    Path vectors;

    @Option(
            names = "--model",
            defaultValue = "average",
            paramLabel = "average|lstm",
            description = "Averaged vectors into softmax, or an LSTM (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(
            names = "--test-split",
            defaultValue = "0.2",
            description = "Held-out share (default: ${DEFAULT-VALUE}).")
    double testSplit;

    @Option(names = "--epochs", description = "Epochs (default: 40 average, 15 lstm).")
    Integer epochs;

    @Option(
            names = "--lr",
            description = "Adam's learning rate (default: 0.001 average, 0.003 lstm).")
    Double lr;

    @Option(
            names = "--batch-size",
            defaultValue = "32",
            description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--steps",
            defaultValue = "30",
            description = "LSTM: words read per sentence (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(
            names = "--units",
            defaultValue = "64",
            description = "LSTM: units (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model directory.")
    Path out;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public SentimentTrainCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        SentimentSpec spec = spec();
        Path dir = CommandIo.resolve(ctx, out);
        WordVectors v = VectorFiles.read(CommandIo.resolve(ctx, vectors));
        List<Path> files = data.stream().map(p -> CommandIo.resolve(ctx, p)).toList();
        SentimentExamples[] parts = split(SentimentExamples.read(files));
        SentenceFeatures features = new SentenceFeatures(v);
        CommandIo.note(
                ctx,
                String.format(
                        Locale.ROOT,
                        "sentiment: %d sentences, %d to train, %d held out; %.1f%% of their words in"
                                + " the vectors",
                        parts[0].size() + parts[1].size(),
                        parts[0].size(),
                        parts[1].size(),
                        100 * features.coverage(parts[0].texts())));
        int code = train(spec, features, parts[0], parts[1], v.dim(), dir);
        if (code != 0) return code;
        ctx.writer()
                .write(
                        dir.resolve(SentimentSpec.VECTORS),
                        o -> VectorFiles.write(v, VectorFormat.WORD2VEC_BINARY, o));
        ctx.writer().writeString(dir.resolve(SentimentSpec.FILE), CommandIo.toJson(spec.toJson()));
        try (SentimentClassifier c = SentimentClassifier.open(store, dir)) {
            report(spec, parts, c.accuracy(parts[1].texts(), parts[1].labels()), dir);
        }
        return 0;
    }

    private SentimentSpec spec() {
        try {
            SentimentSpec spec = new SentimentSpec(model, steps);
            if (units < 1) throw new IllegalArgumentException("--units must be >= 1, got " + units);
            return spec;
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("embed sentiment-train: " + e.getMessage());
        }
    }

    private SentimentExamples[] split(SentimentExamples all) {
        try {
            return all.split(testSplit, ctx.settings().seed());
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("embed sentiment-train: " + e.getMessage());
        }
    }

    private int train(
            SentimentSpec spec,
            SentenceFeatures features,
            SentimentExamples train,
            SentimentExamples test,
            int dim,
            Path dir) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("dlkit-sentiment-");
            Path modelFile = tmp.resolve("sentiment_" + spec.model() + ".json");
            Files.writeString(modelFile, CommandIo.toJson(spec.modelConfig(dim, units)));
            Path trainNpz = npz(tmp.resolve("train.npz"), features, train, spec.steps(), dim);
            Path testNpz = npz(tmp.resolve("test.npz"), features, test, spec.steps(), dim);
            boolean lstm = spec.model().equals("lstm");
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "train",
                                    "--model",
                                    modelFile.toString(),
                                    "--data",
                                    trainNpz.toString(),
                                    "--val",
                                    testNpz.toString(),
                                    "--epochs",
                                    Integer.toString(epochs != null ? epochs : lstm ? 15 : 40),
                                    "--batch-size",
                                    Integer.toString(batchSize),
                                    "--optimizer",
                                    "adam",
                                    "--lr",
                                    Double.toString(lr != null ? lr : lstm ? 0.003 : 0.001),
                                    "--out",
                                    dir.toString()));
            if (!lstm) {
                // the mean vectors' coordinates differ in scale; stored with the model, applied
                // again by every prediction
                args.addAll(List.of("--normalize", "standardize"));
            }
            return ctx.runCommand(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED, "embed sentiment-train: cannot write its data: " + e, e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    private static Path npz(
            Path file, SentenceFeatures f, SentimentExamples part, int steps, int dim)
            throws IOException {
        long[] shape =
                steps == 0 ? new long[] {part.size(), dim} : new long[] {part.size(), steps, dim};
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NdArray.of(f.all(part.texts(), steps), shape));
        arrays.put("y", NdArray.of(part.labels(), part.size()));
        Npz.write(file, arrays);
        return file;
    }

    private void report(SentimentSpec spec, SentimentExamples[] parts, double accuracy, Path dir) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", spec.model());
        r.put("train_sentences", parts[0].size());
        r.put("test_sentences", parts[1].size());
        r.put("test_accuracy", Math.round(accuracy * 10000) / 10000.0);
        r.put("out", dir.toString());
        if (ctx.settings().json()) {
            CommandIo.printJson(ctx, r);
            return;
        }
        r.forEach((k, val) -> ctx.out().printf("%-16s %s%n", k, val));
        ctx.out().flush();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over temporary file is harmless
        }
    }
}
