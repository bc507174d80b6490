package io.dlkit.plugins.rnn.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dlkit rnn classify-train --data FILE.json [--data ...] --text-field text --label-field
 * class [--test FILE.json] [--embeddings VECTORS] --out DIR}: a many-to-one LSTM over word
 * embeddings. The entries of the {@code --data} files are shuffled with {@code --seed} and split
 * {@code 1 - val-split} / {@code val-split} (80/20 by default) into training and validation; {@code
 * --test} files are scored after training (train on two sources, test on a third). The vocabulary
 * (with {@code <unk>}), the class names and the NPZ data go to {@code DIR/data/}; the core {@code
 * dlkit train} trains {@code embedding -> lstm (mask_padding) -> dropout -> dense softmax} with
 * Adam. With {@code --embeddings} (word2vec or GloVe text), the embedding starts from those
 * vectors.
 */
@Command(
        name = "classify-train",
        mixinStandardHelpOptions = true,
        description = {
            "Train an LSTM text classifier on a JSON file of labelled texts with 'dlkit train'.",
            "e.g. dlkit rnn classify-train --data imdb.json --text-field text --label-field class"
                    + " --out runs/imdb"
        })
public final class ClassifyTrainCommand implements Callable<Integer> {
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

    @Parameters(
            paramLabel = "TRAIN_OPTION",
            description = "Options of 'dlkit train' (--lr, --batch-size, ...).")
    List<String> trainArgs = new ArrayList<>();

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ClassifyTrainCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Unknown options are train's. */
    @Spec
    void init(CommandSpec self) {
        self.parser().unmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        if (!(valSplit > 0 && valSplit < 1)) {
            throw DlkitException.invalidInput("--val-split must be in (0, 1), got " + valSplit);
        }
        if (Files.exists(out.resolve("model.yaml")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already holds a model; pass --overwrite or choose another --out");
        }
        LabelledTexts all = read(data);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(ctx.settings().seed()));
        int nVal = (int) Math.round(all.size() * valSplit);
        LabelledTexts val = subset(all, order.subList(0, nVal));
        LabelledTexts train = subset(all, order.subList(nVal, order.size()));
        List<String> classes = TextClassifierData.classes(all);
        WordVocabulary vocab;
        try {
            vocab = WordVocabulary.of(TextClassifierData.allWords(train), minCount);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn classify-train: " + e.getMessage());
        }
        ctx.err()
                .printf(
                        "rnn classify-train: %d training, %d validation texts%s, %d classes %s,"
                                + " vocabulary %d (%d entries skipped)%n",
                        train.size(),
                        val.size(),
                        test.isEmpty() ? "" : ", test " + test,
                        classes.size(),
                        classes,
                        vocab.size(),
                        all.skipped());
        return train(train, val, classes, vocab);
    }

    private int train(
            LabelledTexts train, LabelledTexts val, List<String> classes, WordVocabulary vocab) {
        Path dir = out.resolve("data");
        List<String> args = new ArrayList<>(List.of("train"));
        try {
            Files.createDirectories(dir);
            var model =
                    ClassifierModel.of(
                            vocab, classes.size(), seq, embedding, hidden, embeddings, dir);
            Files.writeString(
                    dir.resolve("classifier.json"), new ObjectMapper().writeValueAsString(model));
            Files.writeString(
                    dir.resolve("classes.json"), new ObjectMapper().writeValueAsString(classes));
            TextClassifierData.write(dir.resolve("train.npz"), train, classes, vocab, seq);
            TextClassifierData.write(dir.resolve("val.npz"), val, classes, vocab, seq);
            args.addAll(List.of("--model", abs(dir.resolve("classifier.json"))));
            args.addAll(
                    List.of(
                            "--data",
                            abs(dir.resolve("train.npz")),
                            "--val",
                            abs(dir.resolve("val.npz"))));
            if (!test.isEmpty()) {
                LabelledTexts t = read(test);
                for (String label : t.labels()) {
                    if (!classes.contains(label)) {
                        throw DlkitException.invalidInput(
                                "--test: label '"
                                        + label
                                        + "' is not among the training classes "
                                        + classes);
                    }
                }
                TextClassifierData.write(dir.resolve("test.npz"), t, classes, vocab, seq);
                args.addAll(List.of("--test", abs(dir.resolve("test.npz"))));
            }
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "rnn classify-train: cannot write " + dir + ": " + e.getMessage(),
                    e);
        }
        args.addAll(List.of("--epochs", String.valueOf(epochs)));
        if (trainArgs.stream().noneMatch(a -> a.startsWith("--optimizer"))) {
            args.addAll(List.of("--optimizer", "adam"));
            if (trainArgs.stream().noneMatch(a -> a.startsWith("--lr")))
                args.addAll(List.of("--lr", "0.002"));
        }
        if (trainArgs.stream().noneMatch(a -> a.startsWith("--batch-size"))) {
            args.addAll(List.of("--batch-size", "32"));
        }
        if (trainArgs.stream().noneMatch(a -> a.startsWith("--clip")))
            args.addAll(List.of("--clip-norm", "5"));
        args.addAll(List.of("--out", out.toString()));
        args.addAll(trainArgs);
        return ctx.runCommand(args.toArray(String[]::new));
    }

    private LabelledTexts read(List<Path> files) {
        LabelledTexts all = null;
        for (Path f : files) {
            LabelledTexts t = LabelledTexts.read(f, textField, labelField);
            all = all == null ? t : all.plus(t);
        }
        return all;
    }

    private static LabelledTexts subset(LabelledTexts all, List<Integer> rows) {
        List<String> t = new ArrayList<>();
        List<String> l = new ArrayList<>();
        for (int i : rows) {
            t.add(all.texts().get(i));
            l.add(all.labels().get(i));
        }
        return new LabelledTexts(t, l, 0);
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
