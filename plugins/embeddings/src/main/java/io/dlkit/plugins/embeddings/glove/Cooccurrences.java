package io.dlkit.plugins.embeddings.glove;

import io.dlkit.plugins.embeddings.corpus.Corpus;
import java.util.Arrays;

/**
 * The co-occurrence matrix X as a hash map from (i, j) to a weighted count: two words at distance d
 * (1 to window) in one sentence add 1/d to both X_ij and X_ji, as GloVe's {@code cooccur} with
 * {@code -symmetric 1}.
 */
public final class Cooccurrences {
    private static final long EMPTY = -1;

    private long[] keys;
    private double[] values;
    private int size;
    private final int vocabularySize;

    /** An empty matrix for a vocabulary of {@code vocabularySize} words. */
    public Cooccurrences(int vocabularySize) {
        this.vocabularySize = vocabularySize;
        keys = new long[1 << 12];
        values = new double[keys.length];
        Arrays.fill(keys, EMPTY);
    }

    /** Counts every pair of {@code corpus} within {@code window} words of each other. */
    public static Cooccurrences count(Corpus corpus, int window) {
        Cooccurrences x = new Cooccurrences(corpus.vocabulary().size());
        int[] tokens = corpus.tokens();
        int[] starts = corpus.sentenceStarts();
        for (int s = 0; s < corpus.sentenceCount(); s++) {
            for (int p = starts[s]; p < starts[s + 1]; p++) {
                for (int d = 1; d <= window && p - d >= starts[s]; d++) {
                    x.add(tokens[p - d], tokens[p], 1.0 / d);
                    x.add(tokens[p], tokens[p - d], 1.0 / d);
                }
            }
        }
        return x;
    }

    /** Adds {@code weight} to X_ij. */
    public void add(int i, int j, double weight) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        long key = (long) i * vocabularySize + j;
        int slot = slot(key);
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] += weight;
    }

    /** X_ij (0 when the pair never occurs). */
    public double get(int i, int j) {
        int slot = slot((long) i * vocabularySize + j);
        return keys[slot] == EMPTY ? 0 : values[slot];
    }

    /** The number of non-zero entries. */
    public int size() {
        return size;
    }

    /** The non-zero entries as parallel arrays (rows, columns, counts), in no particular order. */
    public Entries entries() {
        int[] rows = new int[size];
        int[] cols = new int[size];
        double[] counts = new double[size];
        int n = 0;
        for (int s = 0; s < keys.length; s++) {
            if (keys[s] != EMPTY) {
                rows[n] = (int) (keys[s] / vocabularySize);
                cols[n] = (int) (keys[s] % vocabularySize);
                counts[n++] = values[s];
            }
        }
        return new Entries(rows, cols, counts);
    }

    /**
     * Non-zero entries of X.
     *
     * @param rows the i of each entry
     * @param cols the j of each entry
     * @param counts X_ij
     */
    public record Entries(int[] rows, int[] cols, double[] counts) {}

    private int slot(long key) {
        int mask = keys.length - 1;
        int s = (int) (mix(key) & mask);
        while (keys[s] != EMPTY && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 29);
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new double[keys.length];
        Arrays.fill(keys, EMPTY);
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldKeys[s] != EMPTY) {
                int slot = slot(oldKeys[s]);
                keys[slot] = oldKeys[s];
                values[slot] = oldValues[s];
            }
        }
    }
}
