package io.dlkit.plugins.rnn.seq2seq;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One training run of {@code dlkit rnn seq2seq-train} and the step {@code rnn/seq2seq-train}: an
 * encoder-decoder ({@code seq2seq} layer) on source/target pairs with teacher forcing, through the
 * core {@code dlkit train} (sequence cross-entropy, Adam 0.005 and clip-norm 5 unless the extra
 * options say otherwise). A {@code valFraction} of the pairs, drawn with the run's seed, is held
 * out for validation; data and model file go to {@code DIR/data/}.
 */
public final class Seq2SeqRun {
    /**
     * What seq2seq-train was asked for.
     *
     * @param pairs the TSV file of source/target pairs
     * @param embedding the embedding size
     * @param hidden the LSTM units of encoder and decoder
     * @param epochs the epochs to train
     * @param valFraction the held-out pairs, in [0, 1)
     */
    public record Settings(Path pairs, int embedding, int hidden, int epochs, double valFraction) {}

    private final CommandContext ctx;
    private final Path out;

    /** A run writing its model to {@code out}, running train through {@code ctx}. */
    public Seq2SeqRun(CommandContext ctx, Path out) {
        this.ctx = ctx;
        this.out = out;
    }

    /** Trains a new encoder-decoder; returns train's exit code. */
    public int train(Settings s, List<String> trainArgs) {
        if (!(s.valFraction() >= 0 && s.valFraction() < 1)) {
            throw DlkitException.invalidInput(
                    "--val-fraction must be in [0, 1), got " + s.valFraction());
        }
        if (Files.exists(out.resolve("model.yaml")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already holds a model; pass --overwrite or choose another --out");
        }
        List<String[]> all = new ArrayList<>(Pairs.read(s.pairs()));
        Collections.shuffle(all, new Random(ctx.settings().seed()));
        int nVal = (int) Math.round(all.size() * s.valFraction());
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
                    new ObjectMapper().writeValueAsString(model(codec, s)));
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
                List.of(
                        "--epochs",
                        String.valueOf(s.epochs()),
                        "--loss",
                        "sequence_cross_entropy"));
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

    private static Map<String, Object> model(Seq2SeqCodec codec, Settings s) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("type", "seq2seq");
        layer.put("source_steps", codec.sourceSteps());
        layer.put("target_steps", codec.targetSteps());
        layer.put("vocab", codec.vocab().size());
        layer.put("dim", s.embedding());
        layer.put("units", s.hidden());
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
