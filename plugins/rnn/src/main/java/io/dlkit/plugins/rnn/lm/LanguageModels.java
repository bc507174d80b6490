package io.dlkit.plugins.rnn.lm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file of a character language model: {@code embedding} (vocabulary stored as its {@code
 * tokens}), {@code layers} recurrent layers of {@code hidden} units returning every step (a deep
 * RNN when more than one), and a {@code time_dense} of vocabulary size giving each step's logits
 * for the next character.
 */
public final class LanguageModels {
    private LanguageModels() {}

    /**
     * The model file's content.
     *
     * @param cell {@code lstm}, {@code gru} or {@code simple_rnn}
     */
    public static Map<String, Object> charModel(
            CharVocabulary vocab, int steps, int embedding, String cell, int hidden, int layers) {
        if (!List.of("lstm", "gru", "simple_rnn").contains(cell)) {
            throw new IllegalArgumentException(
                    "--cell must be lstm, gru or simple_rnn, got '" + cell + "'");
        }
        if (layers < 1) throw new IllegalArgumentException("--layers must be >= 1, got " + layers);
        List<Object> list = new ArrayList<>();
        list.add(
                layer(
                        "embedding",
                        "vocab",
                        vocab.size(),
                        "dim",
                        embedding,
                        "tokens",
                        vocab.tokens()));
        for (int i = 0; i < layers; i++)
            list.add(layer(cell, "units", hidden, "return_sequences", true));
        list.add(layer("time_dense", "units", vocab.size()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", List.of(steps));
        m.put("layers", list);
        return m;
    }

    private static Map<String, Object> layer(String type, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        for (int i = 0; i < keyValues.length; i += 2)
            m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
