package io.dlkit.plugins.embeddings;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Word vectors: V words (most frequent first, as trainers and files order them) and a V x D float
 * matrix stored row by row. A word that occurs twice keeps its first row for look-ups.
 */
public final class WordVectors {
    private final List<String> words;
    private final float[] data;
    private final int dim;
    private final Map<String, Integer> index;

    /**
     * Vectors over {@code words} with rows {@code data} (row-major, not copied: the caller hands
     * the array over).
     */
    public WordVectors(List<String> words, float[] data, int dim) {
        requireNonNull(words, "words is null");
        requireNonNull(data, "data is null");
        if (dim < 1 || (long) words.size() * dim != data.length) {
            throw new IllegalArgumentException(
                    words.size() + " words x dim " + dim + " != " + data.length + " values");
        }
        this.words = List.copyOf(words);
        this.data = data;
        this.dim = dim;
        this.index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            index.putIfAbsent(words.get(i), i);
        }
    }

    /** The number of words V. */
    public int size() {
        return words.size();
    }

    /** The vector size D. */
    public int dim() {
        return dim;
    }

    /** The words in row order. */
    public List<String> words() {
        return words;
    }

    /** The word of row {@code i}. */
    public String word(int i) {
        return words.get(i);
    }

    /** The row-major V x D matrix itself (not a copy). */
    public float[] data() {
        return data;
    }

    /** A copy of row {@code i}. */
    public float[] vector(int i) {
        float[] v = new float[dim];
        System.arraycopy(data, i * dim, v, 0, dim);
        return v;
    }

    /** The row of {@code word}, or -1. */
    public int indexOf(String word) {
        Integer i = index.get(word);
        return i == null ? -1 : i;
    }

    /**
     * The row of {@code word}.
     *
     * @throws DlkitException (exit 2) naming the closest words by edit distance when it is absent
     */
    public int require(String word) {
        int i = indexOf(word);
        if (i < 0) {
            throw DlkitException.invalidInput(
                    "'"
                            + word
                            + "' is not in the vocabulary of "
                            + size()
                            + " words"
                            + Suggestions.closest(word, words, 3)
                            + "; pick a word that is");
        }
        return i;
    }

    /** A copy with every row scaled to unit length (zero rows stay zero). */
    public WordVectors normalized() {
        float[] unit = data.clone();
        for (int i = 0; i < words.size(); i++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) unit[i * dim + d] * unit[i * dim + d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dim; d++) {
                unit[i * dim + d] *= scale;
            }
        }
        return new WordVectors(words, unit, dim);
    }
}
