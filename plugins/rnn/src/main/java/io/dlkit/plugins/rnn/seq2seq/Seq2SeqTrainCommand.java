package io.dlkit.plugins.rnn.seq2seq;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dlkit rnn seq2seq-train --pairs FILE.tsv [--embedding 32] [--hidden 128] --out DIR}: an
 * encoder-decoder ({@code seq2seq} layer) on source/target pairs with teacher forcing, through the
 * core {@code dlkit train} (sequence cross-entropy, Adam, clip-norm 5). A seeded {@code
 * val-fraction} of the pairs is held out for validation.
 */
@Command(
        name = "seq2seq-train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an encoder-decoder on TSV pairs (source<TAB>target) with 'dlkit train'.",
            "e.g. dlkit rnn dates --n 20000 > dates.tsv; dlkit rnn seq2seq-train --pairs dates.tsv"
                    + " --out runs/dates"
        })
public final class Seq2SeqTrainCommand implements Callable<Integer> {
    @Option(
            names = "--pairs",
            required = true,
            paramLabel = "FILE.tsv",
            description = "source<TAB>target lines.")
    Path pairs;

    @Option(names = "--embedding", defaultValue = "32", description = "Embedding size (32).")
    int embedding;

    @Option(
            names = "--hidden",
            defaultValue = "128",
            description = "LSTM units of encoder and decoder (128).")
    int hidden;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (10).")
    int epochs;

    @Option(names = "--val-fraction", defaultValue = "0.05", description = "Held-out pairs (0.05).")
    double valFraction;

    @Option(
            names = "--out",
            defaultValue = "runs/seq2seq",
            paramLabel = "DIR",
            description = "Model directory.")
    Path out;

    @Parameters(
            paramLabel = "TRAIN_OPTION",
            description = "Options of 'dlkit train' (--lr, --batch-size, ...).")
    List<String> trainArgs = new ArrayList<>();

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public Seq2SeqTrainCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Unknown options are train's. */
    @Spec
    void init(CommandSpec self) {
        self.parser().unmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        if (!(valFraction >= 0 && valFraction < 1)) {
            throw DlkitException.invalidInput(
                    "--val-fraction must be in [0, 1), got " + valFraction);
        }
        if (Files.exists(out.resolve("model.yaml")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already holds a model; pass --overwrite or choose another --out");
        }
        List<String[]> all = new ArrayList<>(Pairs.read(pairs));
        Collections.shuffle(all, new Random(ctx.settings().seed()));
        int nVal = (int) Math.round(all.size() * valFraction);
        Seq2SeqCodec codec = Seq2SeqCodec.fit(all);
        ctx.err()
                .printf(
                        "rnn seq2seq-train: %d pairs (%d held out), vocabulary %d, source %d, target"
                                + " %d steps%n",
                        all.size(),
                        nVal,
                        codec.vocab().size(),
                        codec.sourceSteps(),
                        codec.targetSteps());
        Path dir = out.resolve("data");
        List<String> args = new ArrayList<>(List.of("train"));
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    dir.resolve("seq2seq.json"),
                    new ObjectMapper().writeValueAsString(model(codec)));
            codec.writeNpz(dir.resolve("train.npz"), all.subList(nVal, all.size()));
            args.addAll(
                    List.of(
                            "--model",
                            abs(dir.resolve("seq2seq.json")),
                            "--data",
                            abs(dir.resolve("train.npz"))));
            if (nVal > 0) {
                codec.writeNpz(dir.resolve("val.npz"), all.subList(0, nVal));
                args.addAll(List.of("--val", abs(dir.resolve("val.npz"))));
            }
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "rnn seq2seq-train: cannot write " + dir + ": " + e.getMessage(),
                    e);
        }
        args.addAll(
                List.of("--epochs", String.valueOf(epochs), "--loss", "sequence_cross_entropy"));
        if (trainArgs.stream().noneMatch(a -> a.startsWith("--optimizer"))) {
            args.addAll(List.of("--optimizer", "adam"));
            if (trainArgs.stream().noneMatch(a -> a.startsWith("--lr")))
                args.addAll(List.of("--lr", "0.005"));
        }
        if (trainArgs.stream().noneMatch(a -> a.startsWith("--clip")))
            args.addAll(List.of("--clip-norm", "5"));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(trainArgs);
        return ctx.runCommand(args.toArray(String[]::new));
    }

    private Map<String, Object> model(Seq2SeqCodec codec) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "seq2seq");
        layer.put("source_steps", codec.sourceSteps());
        layer.put("target_steps", codec.targetSteps());
        layer.put("vocab", codec.vocab().size());
        layer.put("dim", embedding);
        layer.put("units", hidden);
        layer.put("tokens", codec.vocab().tokens());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", List.of(codec.sourceSteps() + codec.targetSteps()));
        m.put("layers", List.of(layer));
        return m;
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
