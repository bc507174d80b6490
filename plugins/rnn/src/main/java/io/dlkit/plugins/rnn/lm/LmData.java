package io.dlkit.plugins.rnn.lm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A language model's training material: the model file, the training sequences (streams when
 * stateful) and the validation windows (the held-out tail of the text; windows of T overlapping by
 * T/2, so that each character is scored after at least T/2 characters of its text, as the carried
 * state of training sees them, though from a zero state: {@link CharSequences#withContext}).
 *
 * @param model the model file's content
 * @param train the training sequences
 * @param validation the validation windows, or null without a held-out part
 * @param summary one line on the corpus and vocabulary
 */
record LmData(
        Map<String, Object> model, CharSequences train, CharSequences validation, String summary) {

    /** Tokenizes {@code text} at the settings' level and cuts it up. */
    static LmData prepare(String text, LmRun.Settings s) {
        int[] ids;
        int vocabSize;
        Object vocab;
        if (s.level().equals("word")) {
            List<String> tokens = WordVocabulary.tokenize(text);
            int cut = trainLength(tokens.size(), s.valFraction());
            WordVocabulary words = WordVocabulary.of(tokens.subList(0, cut), s.minCount());
            ids = words.encode(tokens);
            vocabSize = words.size();
            vocab = words;
        } else {
            String content = "\n" + text;
            CharVocabulary chars = CharVocabulary.of(content);
            ids = chars.encode(content);
            vocabSize = chars.size();
            vocab = chars;
        }
        int cut = trainLength(ids.length, s.valFraction());
        int[] trainIds = Arrays.copyOfRange(ids, 0, cut);
        int[] valIds = Arrays.copyOfRange(ids, Math.max(0, cut - 1), ids.length);
        LanguageModels.Shape shape = s.shape();
        int steps = shape.steps();
        CharSequences train;
        if (shape.statefulBatch() > 0) {
            train = CharSequences.streams(trainIds, s.batch(), steps);
            shape =
                    new LanguageModels.Shape(
                            steps,
                            shape.embedding(),
                            shape.cell(),
                            shape.hidden(),
                            shape.layers(),
                            s.batch(),
                            train.size() / s.batch(),
                            shape.dropout());
        } else {
            train = CharSequences.of(trainIds, steps, steps);
        }
        CharSequences validation =
                s.valFraction() > 0 && valIds.length > 1
                        ? CharSequences.withContext(valIds, steps, steps / 2)
                        : null;
        Map<String, Object> model =
                vocab instanceof WordVocabulary w
                        ? LanguageModels.wordModel(w, shape)
                        : LanguageModels.charModel((CharVocabulary) vocab, shape);
        String summary =
                String.format(
                        "%d %s tokens, vocabulary %d, %d training sequences of %d%s, %d validation"
                                + " tokens",
                        ids.length,
                        s.level(),
                        vocabSize,
                        train.size(),
                        steps,
                        shape.statefulBatch() > 0
                                ? " (" + s.batch() + " streams, " + shape.resetEvery() + " batches)"
                                : "",
                        validation == null ? 0 : valIds.length - 1);
        return new LmData(model, train, validation, summary);
    }

    private static int trainLength(int n, double valFraction) {
        return (int) Math.round(n * (1 - valFraction));
    }

    /** The {@code model:} section of a model directory's model.yaml. */
    static Map<String, Object> readModel(Path dir) {
        Path file = dir.resolve("model.yaml");
        try {
            Map<?, ?> m = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Map.class);
            if (m.get("model") instanceof Map<?, ?> model) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cast = (Map<String, Object>) model;
                return cast;
            }
            throw DlkitException.invalidInput(file + ": has no model section");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    file + ": cannot read (" + e.getMessage() + "); give a model directory");
        }
    }

    /** The unrolled length T of a model section ({@code input_shape: [T]}). */
    static int steps(Map<String, Object> model) {
        return model.get("input_shape") instanceof List<?> l && l.get(0) instanceof Number n
                ? n.intValue()
                : 1;
    }
}
