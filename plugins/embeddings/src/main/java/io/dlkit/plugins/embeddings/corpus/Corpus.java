package io.dlkit.plugins.embeddings.corpus;

import io.dlkit.api.DlkitException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A corpus as word indices: the tokens of all sentences one after another, and where each sentence
 * starts. Words below the min-count are dropped, as word2vec drops them; a sentence is a line, cut
 * every {@value #MAX_SENTENCE} words like the C tool's {@code MAX_SENTENCE_LENGTH}.
 *
 * @param vocabulary the words kept
 * @param tokens every kept token, in corpus order
 * @param sentenceStarts the first token of each sentence, then {@code tokens.length}
 */
public record Corpus(Vocabulary vocabulary, int[] tokens, int[] sentenceStarts) {
    /** The longest sentence; longer lines are cut into pieces of this size. */
    public static final int MAX_SENTENCE = 1000;

    /** The most tokens a corpus holds: one Java array. */
    public static final int MAX_TOKENS = Integer.MAX_VALUE - 8;

    /**
     * Reads {@code source} (a file or folder) twice: once to count words, once to encode them.
     *
     * @throws DlkitException (exit 2) if the text is not UTF-8, or no word reaches {@code minCount}
     */
    public static Corpus load(Path source, boolean lowercase, int minCount) {
        CorpusReader reader = new CorpusReader(lowercase);
        Map<String, Long> counts = new HashMap<>();
        reader.read(
                source,
                new TokenSink() {
                    @Override
                    public void word(String word) {
                        counts.merge(word, 1L, Long::sum);
                    }

                    @Override
                    public void endOfSentence() {}
                });
        if (counts.isEmpty()) {
            throw DlkitException.invalidInput(
                    "--text " + source + ": the corpus has no words; give a non-empty text file");
        }
        Vocabulary vocabulary = Vocabulary.build(counts, minCount);
        if (vocabulary.size() == 0) {
            throw DlkitException.invalidInput(
                    "--text "
                            + source
                            + ": no word occurs --min-count "
                            + minCount
                            + " times; lower --min-count or give a larger corpus");
        }
        if (vocabulary.totalCount() > MAX_TOKENS) {
            throw DlkitException.invalidInput(
                    "--text "
                            + source
                            + ": "
                            + vocabulary.totalCount()
                            + " words are more than one corpus can hold ("
                            + MAX_TOKENS
                            + "); raise --min-count or train on a part");
        }
        Encoder encoder = new Encoder(vocabulary, (int) vocabulary.totalCount());
        reader.read(source, encoder);
        return encoder.corpus();
    }

    /** The number of sentences. */
    public int sentenceCount() {
        return sentenceStarts.length - 1;
    }

    /** Second pass: words to indices, lines to sentences. */
    private static final class Encoder implements TokenSink {
        private final Vocabulary vocabulary;
        private final int[] tokens;
        private int size;
        private int[] starts = new int[1024];
        private int sentences;
        private int sentenceStart;

        Encoder(Vocabulary vocabulary, int capacity) {
            this.vocabulary = vocabulary;
            this.tokens = new int[capacity];
        }

        @Override
        public void word(String word) {
            int i = vocabulary.indexOf(word);
            // (a file that grows between the two passes cannot overflow the array)
            if (i < 0 || size == tokens.length) {
                return;
            }
            tokens[size++] = i;
            if (size - sentenceStart == MAX_SENTENCE) {
                endOfSentence();
            }
        }

        @Override
        public void endOfSentence() {
            if (size > sentenceStart) {
                if (sentences + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[sentences++] = sentenceStart;
                sentenceStart = size;
            }
        }

        Corpus corpus() {
            int[] s = Arrays.copyOf(starts, sentences + 1);
            s[sentences] = size;
            return new Corpus(vocabulary, Arrays.copyOf(tokens, size), s);
        }
    }
}
