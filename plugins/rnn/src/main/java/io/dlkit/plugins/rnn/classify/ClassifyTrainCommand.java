package io.dlkit.plugins.rnn.classify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.command.DelegatingTrainCommand;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit rnn classify-train --data FILE.json [--data ...] --text-field text --label-field
 * class [--test FILE.json] [--embeddings VECTORS] --out DIR}: a many-to-one LSTM over word
 * embeddings ({@link ClassifierRun}). The entries of the {@code --data} files are shuffled with
 * {@code --seed} and split {@code 1 - val-split} / {@code val-split} (80/20 by default) into
 * training and validation; {@code --test} files are scored after training (train on two sources,
 * test on a third). With {@code --embeddings} (word2vec or GloVe text), the embedding starts from
 * those vectors.
 */
@Command(
        name = "classify-train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an LSTM text classifier on a JSON file of labelled texts with 'dlkit train'.",
            "e.g. dlkit rnn classify-train --data imdb.json --text-field text --label-field class"
                    + " --out runs/imdb"
        })
public final class ClassifyTrainCommand extends DelegatingTrainCommand {
    @Option(
            names = "--data",
            required = true,
            paramLabel = "FILE.json",
            description = "Labelled texts (repeatable).")
    List<Path> data;

    @Option(
            names = "--test",
            paramLabel = "FILE.json",
            description = "Texts to score after training (repeatable).")
    List<Path> test = new ArrayList<>();

    @Option(names = "--text-field", defaultValue = "text", description = "The text's key (text).")
    String textField;

    @Option(
            names = "--label-field",
            defaultValue = "class",
            description = "The label's key (class).")
    String labelField;

    @Option(
            names = "--val-split",
            defaultValue = "0.2",
            description = "Held-out fraction of --data (0.2).")
    double valSplit;

    @Option(
            names = "--embeddings",
            paramLabel = "VECTORS",
            description = "Pretrained word vectors (word2vec or GloVe text).")
    Path embeddings;

    @Option(names = "--seq", defaultValue = "40", description = "Words read per text (40).")
    int seq;

    @Option(
            names = "--embedding",
            defaultValue = "32",
            description = "Embedding size without --embeddings (32).")
    int embedding;

    @Option(names = "--hidden", defaultValue = "32", description = "LSTM units (32).")
    int hidden;

    @Option(
            names = "--min-count",
            defaultValue = "1",
            description = "Rarer words become <unk> (1).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs (5).")
    int epochs;

    @Option(
            names = "--out",
            defaultValue = "runs/classifier",
            paramLabel = "DIR",
            description = "Model directory.")
    Path out;

    /** dlkit injects the command context. */
    @Inject
    public ClassifyTrainCommand(CommandContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        ClassifierRun.Settings s =
                new ClassifierRun.Settings(
                        data,
                        test,
                        textField,
                        labelField,
                        valSplit,
                        embeddings,
                        seq,
                        embedding,
                        hidden,
                        minCount,
                        epochs);
        return new ClassifierRun(ctx, out).train(s, trainArgs());
    }
}
