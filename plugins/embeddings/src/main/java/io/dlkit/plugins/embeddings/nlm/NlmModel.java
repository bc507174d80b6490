package io.dlkit.plugins.embeddings.nlm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file of the notes' neural language model (Bengio et al. 2003): the context words'
 * embeddings concatenated ({@code context_embedding}, a table of {@code vocab + 1} rows, the last
 * one padding), a tanh hidden layer, and a softmax over the {@code vocab} words.
 */
public final class NlmModel {
    /** The embedding layer's name; its table is the variable {@value #TABLE}. */
    public static final String EMBEDDING = "nlm_embedding";

    /** The variable holding E, {@code [vocab + 1, dim]}. */
    public static final String TABLE = EMBEDDING + "_embeddings";

    private NlmModel() {}

    /**
     * The model file's content.
     *
     * @param vocab the words (the softmax's classes)
     * @param width the context words per sample
     * @param dim the embedding size
     * @param hidden the hidden layer's units
     */
    public static Map<String, Object> config(int vocab, int width, int dim, int hidden) {
        if (hidden < 1) throw new IllegalArgumentException("--hidden must be >= 1, got " + hidden);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("input_shape", List.of(width));
        model.put(
                "layers",
                List.of(
                        layer(
                                ContextEmbeddingLayer.TYPE,
                                EMBEDDING,
                                "vocab",
                                vocab + 1,
                                "dim",
                                dim),
                        layer("dense", "nlm_hidden", "units", hidden, "activation", "tanh"),
                        layer("dense", "nlm_output", "units", vocab, "activation", "softmax")));
        return model;
    }

    private static Map<String, Object> layer(String type, String name, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("name", name);
        for (int i = 0; i < keyValues.length; i += 2)
            m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }
}
