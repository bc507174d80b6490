package io.dlkit.plugins.rnn.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One training run of {@code dlkit rnn classify-train} and the step {@code rnn/classify-train}: the
 * entries of the data files are shuffled with the run's seed and split into training and
 * validation; the vocabulary (with {@code <unk>}), class names and NPZ data go to {@code
 * DIR/data/}; the core {@code dlkit train} trains {@code embedding -> lstm (mask_padding) ->
 * dropout -> dense softmax} with Adam (0.002), batch 32 and clipping by global norm 5 unless the
 * extra options say otherwise.
 */
public final class ClassifierRun {
    /**
     * What classify-train was asked for.
     *
     * @param data the labelled JSON files to train and validate on
     * @param test JSON files scored after training (may be empty)
     * @param textField the text's key
     * @param labelField the label's key
     * @param valSplit the held-out fraction of {@code data}, in (0, 1)
     * @param embeddings pretrained word vectors, or null
     * @param seq words read per text
     * @param embedding the embedding size without {@code embeddings}
     * @param hidden the LSTM's units
     * @param minCount rarer words become {@code <unk>}
     * @param epochs the epochs to train
     */
    public record Settings(
            List<Path> data,
            List<Path> test,
            String textField,
            String labelField,
            double valSplit,
            Path embeddings,
            int seq,
            int embedding,
            int hidden,
            int minCount,
            int epochs) {}

    private final CommandContext ctx;
    private final Path out;

    /** A run writing its model to {@code out}, running train through {@code ctx}. */
    public ClassifierRun(CommandContext ctx, Path out) {
        this.ctx = ctx;
        this.out = out;
    }

    /** Trains a new classifier; returns train's exit code. */
    public int train(Settings s, List<String> trainArgs) {
        if (!(s.valSplit() > 0 && s.valSplit() < 1)) {
            throw DlkitException.invalidInput("--val-split must be in (0, 1), got " + s.valSplit());
        }
        if (s.data() == null || s.data().isEmpty()) {
            throw DlkitException.invalidInput("rnn classify-train: give at least one --data file");
        }
        if (Files.exists(out.resolve("model.yaml")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    out + " already holds a model; pass --overwrite or choose another --out");
        }
        LabelledTexts all = read(s.data(), s);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) order.add(i);
        Collections.shuffle(order, new Random(ctx.settings().seed()));
        int nVal = (int) Math.round(all.size() * s.valSplit());
        LabelledTexts val = subset(all, order.subList(0, nVal));
        LabelledTexts train = subset(all, order.subList(nVal, order.size()));
        List<String> classes = TextClassifierData.classes(all);
        WordVocabulary vocab;
        try {
            vocab = WordVocabulary.of(TextClassifierData.allWords(train), s.minCount());
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn classify-train: " + e.getMessage());
        }
        ctx.err()
                .printf(
                        "rnn classify-train: %d training, %d validation texts%s, %d classes %s,"
                                + " vocabulary %d (%d entries skipped)%n",
                        train.size(),
                        val.size(),
                        s.test().isEmpty() ? "" : ", test " + s.test(),
                        classes.size(),
                        classes,
                        vocab.size(),
                        all.skipped());
        return train(s, trainArgs, train, val, classes, vocab);
    }

    private int train(
            Settings s,
            List<String> trainArgs,
            LabelledTexts train,
            LabelledTexts val,
            List<String> classes,
            WordVocabulary vocab) {
        Path dir = out.resolve("data");
        List<String> args = new ArrayList<>(List.of("train"));
        try {
            Files.createDirectories(dir);
            var model =
                    ClassifierModel.of(
                            vocab,
                            classes.size(),
                            s.seq(),
                            s.embedding(),
                            s.hidden(),
                            s.embeddings(),
                            dir);
            Files.writeString(
                    dir.resolve("classifier.json"), new ObjectMapper().writeValueAsString(model));
            Files.writeString(
                    dir.resolve("classes.json"), new ObjectMapper().writeValueAsString(classes));
            TextClassifierData.write(dir.resolve("train.npz"), train, classes, vocab, s.seq());
            TextClassifierData.write(dir.resolve("val.npz"), val, classes, vocab, s.seq());
            args.addAll(List.of("--model", abs(dir.resolve("classifier.json"))));
            args.addAll(
                    List.of(
                            "--data",
                            abs(dir.resolve("train.npz")),
                            "--val",
                            abs(dir.resolve("val.npz"))));
            if (!s.test().isEmpty()) {
                LabelledTexts t = read(s.test(), s);
                for (String label : t.labels()) {
                    if (!classes.contains(label)) {
                        throw DlkitException.invalidInput(
                                "--test: label '"
                                        + label
                                        + "' is not among the training classes "
                                        + classes);
                    }
                }
                TextClassifierData.write(dir.resolve("test.npz"), t, classes, vocab, s.seq());
                args.addAll(List.of("--test", abs(dir.resolve("test.npz"))));
            }
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "rnn classify-train: cannot write " + dir + ": " + e.getMessage(),
                    e);
        }
        args.addAll(List.of("--epochs", String.valueOf(s.epochs())));
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

    private static LabelledTexts read(List<Path> files, Settings s) {
        LabelledTexts all = null;
        for (Path f : files) {
            LabelledTexts t = LabelledTexts.read(f, s.textField(), s.labelField());
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
