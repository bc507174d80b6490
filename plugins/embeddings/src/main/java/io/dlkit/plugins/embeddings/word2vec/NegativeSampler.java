package io.dlkit.plugins.embeddings.word2vec;

import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import java.util.Arrays;

/**
 * Draws negative words with probability count^0.75 / sum(count^0.75) (Mikolov et al., 2013). The C
 * tool fills a table of 10^8 ints with each word repeated in proportion; this holds the cumulative
 * distribution instead (V longs, as gensim does) and finds a draw by binary search: the same
 * distribution without rounding each word to whole table cells.
 */
public final class NegativeSampler {
    /** The power of the unigram distribution. */
    public static final double POWER = 0.75;

    static final long DOMAIN = (1L << 31) - 1;

    private final long[] cumulative;
    private final double[] probabilities;

    /** The sampler for a vocabulary's counts. */
    public NegativeSampler(Vocabulary vocabulary) {
        int n = vocabulary.size();
        probabilities = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            probabilities[i] = Math.pow(vocabulary.count(i), POWER);
            sum += probabilities[i];
        }
        cumulative = new long[n];
        double running = 0;
        for (int i = 0; i < n; i++) {
            probabilities[i] /= sum;
            running += probabilities[i];
            cumulative[i] = Math.round(running * DOMAIN);
        }
        cumulative[n - 1] = DOMAIN;
    }

    /** The probability of drawing word {@code i}. */
    public double probability(int i) {
        return probabilities[i];
    }

    /** The word drawn for random state {@code state} (any 64-bit value; bits 16+ are used). */
    public int sample(long state) {
        long r = (state >>> 16) % DOMAIN;
        int i = Arrays.binarySearch(cumulative, r + 1);
        return i >= 0 ? i : -i - 1;
    }
}
