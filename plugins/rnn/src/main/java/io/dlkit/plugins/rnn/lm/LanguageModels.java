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
        return model(
                "tokens",
                vocab.tokens(),
                vocab.size(),
                new Shape(steps, embedding, cell, hidden, layers, 0, 0));
    }

    /**
     * The sizes of a language model.
     *
     * @param cell {@code lstm}, {@code gru}, {@code simple_rnn} (or {@code rnn})
     * @param statefulBatch the training batch size of stateful layers, 0 for stateless ones
     * @param resetEvery training batches between state restarts (one epoch)
     * @param dropout the fraction of each recurrent layer's outputs dropped while training (an
     *     inverted {@code dropout} layer after each one, before the next layer and the output), 0 =
     *     none
     */
    public record Shape(
            int steps,
            int embedding,
            String cell,
            int hidden,
            int layers,
            int statefulBatch,
            int resetEvery,
            double dropout) {

        /** A shape without dropout. */
        public Shape(
                int steps,
                int embedding,
                String cell,
                int hidden,
                int layers,
                int statefulBatch,
                int resetEvery) {
            this(steps, embedding, cell, hidden, layers, statefulBatch, resetEvery, 0);
        }

        /** This shape with {@code fraction} of the recurrent outputs dropped while training. */
        public Shape withDropout(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("--dropout must be in [0, 1), got " + fraction);
            }
            return new Shape(
                    steps, embedding, cell, hidden, layers, statefulBatch, resetEvery, fraction);
        }

        /**
         * The shape {@code rnn train} (command and step) trains: stateful over {@code batch}
         * streams unless {@code stateless}.
         */
        public static Shape training(
                int steps,
                int embedding,
                String cell,
                int hidden,
                int layers,
                int batch,
                boolean stateless) {
            return new Shape(steps, embedding, cell, hidden, layers, stateless ? 0 : batch, 0);
        }
    }

    /** A word model's file: the embedding stores the vocabulary as {@code words}. */
    public static Map<String, Object> wordModel(WordVocabulary vocab, Shape shape) {
        return model("words", vocab.words(), vocab.size(), shape);
    }

    /** A character model's file, stateful when {@code shape.statefulBatch() > 0}. */
    public static Map<String, Object> charModel(CharVocabulary vocab, Shape shape) {
        return model("tokens", vocab.tokens(), vocab.size(), shape);
    }

    private static Map<String, Object> model(
            String vocabKey, Object vocabulary, int size, Shape s) {
        String cell = "rnn".equals(s.cell()) ? "simple_rnn" : s.cell();
        if (!List.of("lstm", "gru", "simple_rnn").contains(cell)) {
            throw new IllegalArgumentException(
                    "--cell must be lstm, gru or rnn, got '" + s.cell() + "'");
        }
        if (s.layers() < 1)
            throw new IllegalArgumentException("--layers must be >= 1, got " + s.layers());
        List<Object> list = new ArrayList<>();
        list.add(layer("embedding", "vocab", size, "dim", s.embedding(), vocabKey, vocabulary));
        for (int i = 0; i < s.layers(); i++) {
            Map<String, Object> l = layer(cell, "units", s.hidden(), "return_sequences", true);
            if (s.statefulBatch() > 0) {
                l.put("stateful_batch", s.statefulBatch());
                l.put("reset_every", s.resetEvery());
            }
            list.add(l);
            if (s.dropout() > 0) list.add(layer("dropout", "keep_prob", 1 - s.dropout()));
        }
        list.add(layer("time_dense", "units", size));
        int steps = s.steps();
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
