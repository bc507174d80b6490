package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.CommandContext;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dlkit rnn seq2seq-train --pairs FILE.tsv [--embedding 32] [--hidden 128] --out DIR}: an
 * encoder-decoder ({@code seq2seq} layer) on source/target pairs with teacher forcing, through the
 * core {@code dlkit train} (sequence cross-entropy, Adam, clip-norm 5; {@link Seq2SeqRun}). A
 * seeded {@code val-fraction} of the pairs is held out for validation.
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
        return new Seq2SeqRun(ctx, out)
                .train(
                        new Seq2SeqRun.Settings(pairs, embedding, hidden, epochs, valFraction),
                        trainArgs);
    }
}
