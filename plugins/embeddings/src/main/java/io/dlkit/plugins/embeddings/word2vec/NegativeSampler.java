package io.dlkit.plugins.embeddings.word2vec;

import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import java.util.ArrayDeque;

/**
 * Draws negative words with probability count^0.75 / sum(count^0.75) (Mikolov et al., 2013). The C
 * tool fills a table of 10^8 ints with each word repeated in proportion; gensim searches a
 * cumulative table. This uses Walker's alias method (Vose's construction): V columns, each a
 * threshold and an alias word, so that a draw is one column picked uniformly and one coin, O(1) and
 * two small arrays that stay in cache; the exact distribution, without rounding words to table
 * cells.
 */
public final class NegativeSampler {
    /** The power of the unigram distribution. */
    public static final double POWER = 0.75;

    private static final int BITS = 24;
    private static final float COIN = 1f / (1 << BITS);

    private final double[] probabilities;
    private final float[] threshold;
    private final int[] alias;

    /** The sampler for a vocabulary's counts. */
    public NegativeSampler(Vocabulary vocabulary) {
        int n = vocabulary.size();
        probabilities = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            probabilities[i] = Math.pow(vocabulary.count(i), POWER);
            sum += probabilities[i];
        }
        for (int i = 0; i < n; i++) {
            probabilities[i] /= sum;
        }
        threshold = new float[n];
        alias = new int[n];
        build(n);
    }

    /**
     * Vose: columns of mass n p_i below 1 are topped up from one above 1, which is then reduced.
     */
    private void build(int n) {
        double[] scaled = new double[n];
        ArrayDeque<Integer> small = new ArrayDeque<>();
        ArrayDeque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = probabilities[i] * n;
            (scaled[i] < 1 ? small : large).push(i);
            alias[i] = i;
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int s = small.pop();
            int l = large.pop();
            threshold[s] = (float) scaled[s];
            alias[s] = l;
            scaled[l] = (scaled[l] + scaled[s]) - 1;
            (scaled[l] < 1 ? small : large).push(l);
        }
        // what is left has mass 1 up to rounding: always itself
        while (!large.isEmpty()) threshold[large.pop()] = 1.5f;
        while (!small.isEmpty()) threshold[small.pop()] = 1.5f;
    }

    /** The probability of drawing word {@code i}. */
    public double probability(int i) {
        return probabilities[i];
    }

    /**
     * The word drawn for random state {@code state} (any 64-bit value; bits 16+ are used, as the C
     * tool uses them): the top 24 bits pick the column, bits 16-39 the coin.
     */
    public int sample(long state) {
        int column = (int) (((state >>> (64 - BITS)) * threshold.length) >>> BITS);
        float coin = ((state >>> 16) & ((1 << BITS) - 1)) * COIN;
        return coin < threshold[column] ? column : alias[column];
    }
}
