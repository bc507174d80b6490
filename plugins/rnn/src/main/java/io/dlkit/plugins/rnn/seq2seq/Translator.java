package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.plugins.rnn.lm.CharVocabulary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decoding with a model of {@code rnn seq2seq-train}, as {@code dlkit rnn translate} and the step
 * {@code rnn/translate} do it: greedy (in batches of 256) for a beam of 1, else a beam search per
 * text ({@link Seq2SeqDecoder}).
 */
public final class Translator {
    private Translator() {}

    /** The translation of each of {@code sources}, in order. */
    public static List<String> translate(
            ModelStore store, Path modelDir, List<String> sources, int beam) {
        if (beam < 1) throw DlkitException.invalidInput("--beam must be >= 1, got " + beam);
        try (ModelStore.LoadedModel model = store.open(modelDir)) {
            Seq2SeqDecoder decoder = new Seq2SeqDecoder(model::predict, codec(model.description()));
            List<String> out = new ArrayList<>();
            if (beam == 1) {
                for (int from = 0; from < sources.size(); from += 256)
                    out.addAll(
                            decoder.greedy(
                                    sources.subList(from, Math.min(sources.size(), from + 256))));
            } else {
                for (String s : sources) out.add(decoder.beam(s, beam));
            }
            return out;
        }
    }

    /** How many of {@code translations} equal the pairs' targets. */
    public static int exactMatches(List<String> translations, List<String[]> pairs) {
        int hits = 0;
        for (int i = 0; i < pairs.size(); i++) {
            if (translations.get(i).equals(pairs.get(i)[1])) hits++;
        }
        return hits;
    }

    /** The codec of a model whose first layer is a seq2seq layer with tokens. */
    static Seq2SeqCodec codec(Map<?, ?> description) {
        if (description.get("model") instanceof Map<?, ?> model) return codec(model);
        if (description.get("layers") instanceof List<?> layers
                && !layers.isEmpty()
                && layers.get(0) instanceof Map<?, ?> l
                && "seq2seq".equals(l.get("type"))
                && l.get("tokens") instanceof String tokens
                && l.get("source_steps") instanceof Number s
                && l.get("target_steps") instanceof Number t) {
            return new Seq2SeqCodec(new CharVocabulary(tokens), s.intValue(), t.intValue());
        }
        throw DlkitException.invalidInput(
                "not a seq2seq model; train one with 'dlkit rnn seq2seq-train'");
    }
}
