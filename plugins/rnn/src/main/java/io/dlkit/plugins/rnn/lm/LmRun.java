package io.dlkit.plugins.rnn.lm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One language-model training run of {@code dlkit rnn train}: prepares the data and model file in
 * {@code DIR/data/}, runs the core {@code dlkit train} on them, then prints the validation
 * perplexity of every epoch ({@code e^val_loss}) and the training tokens per second.
 */
public final class LmRun {
    /**
     * What {@code rnn train} was asked for.
     *
     * @param level char or word
     * @param minCount word level: the fewest occurrences a kept word has
     * @param shape the model's sizes ({@code statefulBatch} 0 for stateless training)
     * @param batch the batch size (the number of streams when stateful)
     * @param epochs the epochs to train
     * @param clip the global-norm clip, 0 = off
     * @param clipValue the per-element clip, 0 = off
     * @param valFraction the held-out tail of the text, in [0, 0.5]
     */
    public record Settings(
            String level,
            int minCount,
            LanguageModels.Shape shape,
            int batch,
            int epochs,
            double clip,
            double clipValue,
            double valFraction) {}

    private final CommandContext ctx;
    private final Path dir;

    /** A run writing its model to {@code dir}, running train through {@code ctx}. */
    public LmRun(CommandContext ctx, Path dir) {
        this.ctx = ctx;
        this.dir = dir;
    }

    /** Trains a new model on {@code text}; returns train's exit code. */
    public int train(Path text, Settings s, List<String> extra) {
        check(s);
        if (Files.exists(dir.resolve("model.yaml")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    dir
                            + " already holds a model; pass --resume to continue its training,"
                            + " --overwrite to start over, or choose another --out");
        }
        LmData data;
        try {
            data = LmData.prepare(TextCorpus.read(text), s);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn train: " + text + ": " + e.getMessage());
        }
        ctx.err().println("rnn train: " + data.summary());
        ctx.err().flush();
        Path files = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("train"));
        try {
            Files.createDirectories(files);
            Files.writeString(files.resolve("lm.json"), Yaml.text(data.model()));
            data.train().writeNpz(files.resolve("train.npz"));
            args.addAll(List.of("--model", abs(files.resolve("lm.json"))));
            args.addAll(List.of("--data", abs(files.resolve("train.npz"))));
            if (data.validation() != null) {
                data.validation().writeNpz(files.resolve("val.npz"));
                args.addAll(List.of("--val", abs(files.resolve("val.npz"))));
            }
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED, "rnn train: cannot write " + files + ": " + e.getMessage(), e);
        }
        args.addAll(List.of("--batch-size", String.valueOf(s.batch())));
        args.addAll(List.of("--epochs", String.valueOf(s.epochs())));
        args.addAll(List.of("--loss", SequenceCrossEntropy.ID));
        if (s.clip() > 0) args.addAll(List.of("--clip-norm", String.valueOf(s.clip())));
        if (s.clipValue() > 0) args.addAll(List.of("--clip-value", String.valueOf(s.clipValue())));
        if (extra.stream().noneMatch(a -> a.startsWith("--optimizer") || a.startsWith("--opt"))) {
            args.addAll(List.of("--optimizer", "adam"));
            if (extra.stream().noneMatch(a -> a.startsWith("--lr"))) {
                args.addAll(List.of("--lr", "0.002"));
            }
        }
        args.addAll(List.of("--out", dir.toString()));
        args.addAll(extra);
        return finish(ctx.runCommand(args.toArray(String[]::new)), s.shape().steps());
    }

    /** Continues the training in the directory. */
    int resume(Integer epochs, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("train", "--resume", "--out", dir.toString()));
        if (epochs != null) args.addAll(List.of("--epochs", String.valueOf(epochs)));
        args.addAll(extra);
        Map<String, Object> model = LmData.readModel(dir);
        return finish(ctx.runCommand(args.toArray(String[]::new)), LmData.steps(model));
    }

    private static void check(Settings s) {
        if (!List.of("char", "word").contains(s.level())) {
            throw DlkitException.invalidInput(
                    "--level must be char or word, got '" + s.level() + "'");
        }
        if (!(s.valFraction() >= 0 && s.valFraction() <= 0.5)) {
            throw DlkitException.invalidInput(
                    "--val-fraction must be in [0, 0.5], got " + s.valFraction());
        }
        if (!(s.clip() >= 0) || !(s.clipValue() >= 0)) {
            throw DlkitException.invalidInput("--clip and --clip-value must be >= 0 (0 = off)");
        }
        for (int v :
                new int[] {
                    s.batch(), s.shape().steps(), s.shape().hidden(), s.shape().embedding()
                }) {
            if (v < 1) {
                throw DlkitException.invalidInput(
                        "--batch, --seq, --hidden and --embedding must be >= 1");
            }
        }
    }

    /** After a successful run: validation perplexity per epoch and tokens per second. */
    private int finish(int code, int steps) {
        if (code != 0) return code;
        Path metrics = dir.resolve("metrics.json");
        try {
            List<?> epochs = new ObjectMapper().readValue(metrics.toFile(), List.class);
            StringBuilder b = new StringBuilder("rnn train: validation perplexity by epoch:");
            double tokens = 0;
            for (Object o : epochs) {
                Map<?, ?> e = (Map<?, ?>) o;
                if (e.get("val_loss") instanceof Number v) {
                    b.append(String.format(" %s: %.3f", e.get("epoch"), Math.exp(v.doubleValue())));
                }
                if (e.get("samples_per_s") instanceof Number n) tokens = n.doubleValue() * steps;
            }
            ctx.err().println(b);
            ctx.err().printf("rnn train: %.0f training tokens/s in the last epoch%n", tokens);
            ctx.err().flush();
        } catch (IOException | RuntimeException e) {
            ctx.err().println("rnn train: cannot read " + metrics + ": " + e.getMessage());
        }
        return code;
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
