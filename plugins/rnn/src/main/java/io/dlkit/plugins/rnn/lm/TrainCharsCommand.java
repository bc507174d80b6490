package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dlkit rnn train-chars --text FILE [--seq 32] [--embedding 32] [--cell lstm] [--hidden 128]
 * [--layers 1] <dlkit train options>}: builds the vocabulary, cuts the text into (input,
 * next-character) sequences ({@link CharSequences}), writes them and the model file ({@link
 * LanguageModels#charModel}) to a temporary folder, and runs {@code dlkit train} with {@code --loss
 * sequence_cross_entropy} and {@code --clip-norm 5} unless given. Other options ({@code --out},
 * {@code --epochs}, {@code --lr}, ...) go to train as they are.
 */
@Command(
        name = "train-chars",
        mixinStandardHelpOptions = true,
        description = {
            "Train a character language model on a text file with 'dlkit train'.",
            "e.g. dlkit rnn train-chars --text names.txt --out runs/names --epochs 20"
        })
public final class TrainCharsCommand implements Callable<Integer> {
    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text.")
    Path text;

    @Option(names = "--seq", defaultValue = "32", description = "Unrolled steps T (32).")
    int seq;

    @Option(names = "--embedding", defaultValue = "32", description = "Embedding size (32).")
    int embedding;

    @Option(names = "--cell", defaultValue = "lstm", description = "lstm, gru or simple_rnn.")
    String cell;

    @Option(names = "--hidden", defaultValue = "128", description = "Units per layer (128).")
    int hidden;

    @Option(names = "--layers", defaultValue = "1", description = "Stacked layers (1).")
    int layers;

    @Parameters(paramLabel = "TRAIN_OPTION", description = "Options of 'dlkit train'.")
    List<String> trainArgs = new ArrayList<>();

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public TrainCharsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    /** Unknown options are train's: keep them, in order, among the positional arguments. */
    @Spec
    void init(CommandSpec self) {
        self.parser().unmatchedOptionsArePositionalParams(true);
    }

    @Override
    public Integer call() {
        for (String own : List.of("--model", "--data")) {
            if (trainArgs.stream().anyMatch(a -> a.equals(own) || a.startsWith(own + "="))) {
                throw DlkitException.invalidInput(
                        "rnn train-chars: " + own + " is set by train-chars itself from --text");
            }
        }
        String content = "\n" + readText();
        CharVocabulary vocab = CharVocabulary.of(content);
        Map<String, Object> model;
        CharSequences data;
        try {
            model = LanguageModels.charModel(vocab, seq, embedding, cell, hidden, layers);
            data = CharSequences.of(vocab.encode(content), seq, seq);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn train-chars: " + e.getMessage());
        }
        ctx.err()
                .printf(
                        "rnn train-chars: %d characters, vocabulary %d, %d sequences of %d%n",
                        content.length(), vocab.size(), data.size(), seq);
        return train(model, data);
    }

    private String readText() {
        try {
            String s = Files.readString(text, StandardCharsets.UTF_8);
            if (s.isBlank())
                throw DlkitException.invalidInput(text + ": is empty; give a text file");
            return s;
        } catch (java.nio.file.NoSuchFileException e) {
            throw DlkitException.invalidInput(text + ": no such file");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    text + ": cannot read as UTF-8 text: " + e.getMessage());
        }
    }

    private int train(Map<String, Object> model, CharSequences data) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dlkit-rnn-");
            Path file = dir.resolve("char_lm.json");
            Files.writeString(file, Yaml.text(model));
            Path npz = dir.resolve("sequences.npz");
            data.writeNpz(npz);
            List<String> args =
                    new ArrayList<>(
                            List.of("train", "--model", file.toString(), "--data", npz.toString()));
            if (trainArgs.stream().noneMatch(a -> a.startsWith("--loss"))) {
                args.addAll(List.of("--loss", SequenceCrossEntropy.ID));
            }
            if (trainArgs.stream().noneMatch(a -> a.startsWith("--clip"))) {
                args.addAll(List.of("--clip-norm", "5"));
            }
            args.addAll(trainArgs);
            return ctx.runCommand(args.toArray(String[]::new));
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED, "rnn train-chars: cannot write the temporary data: " + e, e);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over file in the temp directory is harmless
        }
    }
}
