package io.dlkit.plugins.embeddings.train;

import io.dlkit.api.DlkitException;

/** The training methods of {@code embed train --method}. */
public enum Method {
    /** word2vec skip-gram. */
    SKIPGRAM,
    /** word2vec CBOW. */
    CBOW,
    /** GloVe. */
    GLOVE,
    /** The neural language model (Bengio et al.), trained on the TensorFlow backend. */
    NLM;

    /** The method named {@code name}, or a one-line error listing them. */
    public static Method of(String name) {
        return switch (name) {
            case "skipgram", "skip-gram" -> SKIPGRAM;
            case "cbow" -> CBOW;
            case "glove" -> GLOVE;
            case "nlm" -> NLM;
            default ->
                    throw DlkitException.invalidInput(
                            "--method " + name + ": unknown; use skipgram, cbow, glove or nlm");
        };
    }
}
