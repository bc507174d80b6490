package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit rnn eval MODEL_DIR --text FILE}: a character model's cross-entropy on a text, with
 * its perplexity and bits per character ({@link CharEvaluation}).
 */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Perplexity and bits per character of a character model on a text file.")
public final class EvalTextCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "A trained model directory.")
    Path modelDir;

    @Option(names = "--text", required = true, paramLabel = "FILE", description = "UTF-8 text.")
    Path text;

    private final CommandContext ctx;
    private final ModelStore store;

    /** dlkit injects the context and the model store. */
    @Inject
    public EvalTextCommand(CommandContext ctx, ModelStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        String content = read();
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            int steps = (int) model.inputShape()[0];
            WordVocabulary words = SampleCommand.words(model.description());
            CharEvaluation.Score s;
            if (words != null) {
                List<String> tokens = new ArrayList<>(List.of(WordVocabulary.EOS));
                tokens.addAll(WordVocabulary.tokenize(content));
                s =
                        new CharEvaluation(model::predict, words.size(), steps)
                                .score(words.encode(tokens));
                ctx.out().printf("words: %d%n", s.characters());
            } else {
                CharVocabulary vocab = SampleCommand.vocabulary(model.description());
                s = new CharEvaluation(model::predict, vocab, steps).score("\n" + content);
                ctx.out().printf("characters: %d%n", s.characters());
            }
            ctx.out().printf("loss: %.4f%n", s.loss());
            ctx.out().printf("perplexity: %.4f%n", s.perplexity());
            ctx.out()
                    .printf(
                            words != null ? "bits_per_word: %.4f%n" : "bits_per_char: %.4f%n",
                            s.bitsPerChar());
            ctx.out().flush();
            return 0;
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn eval: " + text + ": " + e.getMessage());
        }
    }

    private String read() {
        try {
            String s = Files.readString(text, StandardCharsets.UTF_8);
            if (s.isEmpty()) throw DlkitException.invalidInput(text + ": is empty");
            return s;
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(text + ": no such file");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    text + ": cannot read as UTF-8 text: " + e.getMessage());
        }
    }
}
