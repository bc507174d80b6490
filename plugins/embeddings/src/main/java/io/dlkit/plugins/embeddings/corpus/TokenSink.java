package io.dlkit.plugins.embeddings.corpus;

/** Receives a corpus token by token, as {@link CorpusReader} splits it. */
public interface TokenSink {
    /** One word (never empty). */
    void word(String word);

    /** The end of a line: word2vec's {@code </s>}; windows never cross it. */
    void endOfSentence();
}
