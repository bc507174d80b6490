package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.CommandContext;
import io.dlkit.api.command.DelegatingTrainCommand;
import jakarta.inject.Inject;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
public final class Seq2SeqTrainCommand extends DelegatingTrainCommand {
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

    /** dlkit injects the command context. */
    @Inject
    public Seq2SeqTrainCommand(CommandContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        return new Seq2SeqRun(ctx, out)
                .train(
                        new Seq2SeqRun.Settings(pairs, embedding, hidden, epochs, valFraction),
                        trainArgs());
    }
}
