package io.dlkit.plugins.embeddings.word2vec;

/**
 * word2vec's sub-sampling of frequent words: a word of count c among T training words is kept with
 * probability {@code (sqrt(c / (s T)) + 1) (s T) / c} (the C tool's formula, s = {@code --sample}),
 * so words rarer than about s T are always kept and the most frequent are mostly dropped.
 */
public final class SubSampler {
    private final double threshold;

    /** Sub-sampling with {@code sample} (e.g. 1e-3; 0 keeps every word) among {@code total}. */
    public SubSampler(double sample, long total) {
        this.threshold = sample * total;
    }

    /** The probability of keeping a word seen {@code count} times (may exceed 1: always kept). */
    public double keepProbability(long count) {
        if (threshold <= 0) {
            return 1;
        }
        return (Math.sqrt(count / threshold) + 1) * threshold / count;
    }

    /** Whether sub-sampling is on. */
    public boolean active() {
        return threshold > 0;
    }
}
