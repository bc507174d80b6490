package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.model.ModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained language model's score on a text, as {@code dlkit rnn eval} prints it and the step
 * {@code rnn/eval} returns it: a character model's bits per character, a word model's bits per word
 * (the text tokenized as in training, after an end of sentence), with loss and perplexity ({@link
 * CharEvaluation}).
 */
public final class LmEvaluation {
    /**
     * The score of a text.
     *
     * @param words whether the model is word-level
     * @param score the loss over the text's tokens
     */
    public record Result(boolean words, CharEvaluation.Score score) {
        /** {@code characters|words, loss, perplexity, bits_per_char|bits_per_word}, in order. */
        public Map<String, Object> metrics() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(words ? "words" : "characters", score.characters());
            m.put("loss", score.loss());
            m.put("perplexity", score.perplexity());
            m.put(words ? "bits_per_word" : "bits_per_char", score.bitsPerChar());
            return m;
        }
    }

    private LmEvaluation() {}

    /** Scores the UTF-8 file {@code text} with the model in {@code modelDir}. */
    public static Result score(ModelStore store, Path modelDir, Path text) {
        return score(store, modelDir, text, 0);
    }

    /**
     * Scores {@code text} reading windows of {@code window} tokens (0: the model's own T), so that
     * every token after the first window is predicted after at least {@code window / 2} tokens of
     * its text: a wider window comes closer to a state carried through the whole text. The weights
     * do not depend on T; a wider model is rebuilt from them in a temporary directory.
     */
    public static Result score(ModelStore store, Path modelDir, Path text, int window) {
        if (window < 0) throw DlkitException.invalidInput("--window must be >= 0, got " + window);
        if (window == 0) return scoreWith(store, modelDir, text);
        Path wide = null;
        try {
            wide = Files.createTempDirectory("dlkit-rnn-eval");
            Path dir = wide.resolve("model");
            try (ModelStore.LoadedModel model = store.open(modelDir)) {
                if (!(model.description().get("model") instanceof Map<?, ?> config)) {
                    throw DlkitException.invalidInput(modelDir + ": model.yaml has no model");
                }
                Map<String, Object> widened = new LinkedHashMap<>();
                config.forEach((k, v) -> widened.put(String.valueOf(k), v));
                widened.put("input_shape", List.of(window));
                store.create(dir, widened, model.weights(), Map.of());
            }
            return scoreWith(store, dir, text);
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "rnn eval: cannot make a temporary model: " + e.getMessage(),
                    e);
        } finally {
            if (wide != null) deleteTree(wide);
        }
    }

    private static Result scoreWith(ModelStore store, Path modelDir, Path text) {
        String content = read(text);
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            int steps = (int) model.inputShape()[0];
            WordVocabulary words = SampleCommand.words(model.description());
            if (words != null) {
                List<String> tokens = new ArrayList<>(List.of(WordVocabulary.EOS));
                tokens.addAll(WordVocabulary.tokenize(content));
                return new Result(
                        true,
                        new CharEvaluation(model::predict, words.size(), steps)
                                .score(words.encode(tokens)));
            }
            CharVocabulary vocab = SampleCommand.vocabulary(model.description());
            return new Result(
                    false, new CharEvaluation(model::predict, vocab, steps).score("\n" + content));
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("rnn eval: " + text + ": " + e.getMessage());
        }
    }

    private static void deleteTree(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static String read(Path text) {
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
