package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.command.DelegatingTrainCommand;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit rnn train --text FILE|DIR [--level char|word] [--cell lstm|gru|rnn] [--layers 2]
 * [--hidden 256] [--embedding 64] [--seq 64] [--batch 64] [--epochs N] [--clip 5] [--out DIR]}
 * (alias {@code train-chars}): a character- or word-level language model. The text's tokens are
 * split into training (the first {@code 1 - val-fraction}) and validation (the rest); the training
 * part is cut into {@code --batch} streams that consecutive batches continue, the recurrent layers
 * carrying their state from batch to batch (truncated back-propagation through time, {@code
 * --stateless} to start every window from zeros). The data and model file go to {@code DIR/data/},
 * and the core {@code dlkit train} does the rest (progress, validation, checkpoints, exact {@code
 * --resume}, curves, the NaN stop) with the sequence cross-entropy, Adam and gradient clipping by
 * global norm 5 unless told otherwise ({@link LmRun}). Other options go to train.
 */
@Command(
        name = "train",
        aliases = "train-chars",
        mixinStandardHelpOptions = true,
        description = {
            "Train a character- or word-level language model with 'dlkit train'.",
            "e.g. dlkit rnn train --text moby-dick.txt --out runs/moby --epochs 5"
        })
public final class TrainLmCommand extends DelegatingTrainCommand {
    @Option(
            names = "--text",
            paramLabel = "FILE|DIR",
            description = "UTF-8 text, or a folder of .txt.")
    Path text;

    @Option(names = "--level", defaultValue = "char", description = "char or word (char).")
    String level;

    @Option(
            names = "--min-count",
            defaultValue = "2",
            description = "Word level: rarer words become <unk> (2).")
    int minCount;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru or rnn (lstm).")
    String cell;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked layers (2).")
    int layers;

    @Option(names = "--hidden", defaultValue = "256", description = "Units per layer (256).")
    int hidden;

    @Option(names = "--embedding", defaultValue = "64", description = "Embedding size (64).")
    int embedding;

    @Option(names = "--seq", defaultValue = "64", description = "Unrolled steps T (64).")
    int seq;

    @Option(
            names = {"--batch", "--batch-size"},
            defaultValue = "64",
            description = "Streams per batch (64).")
    int batch;

    @Option(names = "--epochs", description = "Epochs (10; with --resume, as recorded).")
    Integer epochs;

    @Option(
            names = {"--clip", "--clip-norm"},
            defaultValue = "5",
            description = "Clip gradients to this global norm, 0 = off (5).")
    double clip;

    @Option(
            names = "--clip-value",
            defaultValue = "0",
            description = "Also clip each gradient element to [-V, V], 0 = off.")
    double clipValue;

    @Option(
            names = "--val-fraction",
            defaultValue = "0.1",
            description = "Held-out tail of the text (0.1).")
    double valFraction;

    @Option(
            names = "--dropout",
            defaultValue = "0",
            description = "Fraction of each recurrent layer's outputs dropped while training (0).")
    double dropout;

    @Option(names = "--stateless", description = "Start every window from a zero state.")
    boolean stateless;

    @Option(names = "--out", paramLabel = "DIR", description = "Model directory (runs/lm).")
    Path out;

    @Option(names = "--resume", description = "Continue the training in --out.")
    boolean resume;

    /** dlkit injects the command context. */
    @Inject
    public TrainLmCommand(CommandContext ctx) {
        super(ctx, "--lr, --optimizer, --plot, ...", null);
    }

    @Override
    public Integer call() {
        for (String own : List.of("--model", "--data", "--val", "--loss")) {
            if (trainArgs().stream().anyMatch(a -> a.equals(own) || a.startsWith(own + "="))) {
                throw DlkitException.invalidInput(
                        "rnn train: " + own + " is set by rnn train itself from --text");
            }
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw DlkitException.invalidInput(
                    "rnn train: --dropout must be in [0, 1), got " + dropout);
        }
        Path dir = out == null ? Path.of("runs", "lm") : out;
        LmRun run = new LmRun(ctx, dir);
        if (resume) return run.resume(epochs, trainArgs());
        if (text == null) {
            throw DlkitException.invalidInput(
                    "rnn train: give --text FILE|DIR (or --resume --out DIR)");
        }
        LmRun.Settings s =
                new LmRun.Settings(
                        level,
                        minCount,
                        LanguageModels.Shape.training(
                                        seq, embedding, cell, hidden, layers, batch, stateless)
                                .withDropout(dropout),
                        batch,
                        epochs == null ? 10 : epochs,
                        clip,
                        clipValue,
                        valFraction);
        return run.train(text, s, trainArgs());
    }
}
