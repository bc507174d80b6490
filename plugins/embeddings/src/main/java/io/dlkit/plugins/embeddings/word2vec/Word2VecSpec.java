package io.dlkit.plugins.embeddings.word2vec;

/**
 * The settings of a word2vec run, with the C tool's meaning and defaults.
 *
 * @param cbow CBOW (predict the word from its averaged context) instead of skip-gram
 * @param dim the vector size D
 * @param window the largest distance between a word and its context; each position uses a random
 *     window of 1 to {@code window}
 * @param negative the negatives per positive word (0 turns negative sampling off)
 * @param hierarchicalSoftmax whether to use hierarchical softmax
 * @param sample the sub-sampling threshold (0 keeps every word)
 * @param iterations passes over the corpus
 * @param alpha the starting learning rate, decayed linearly to alpha / 10^4
 * @param threads worker threads
 * @param seed the seed of the initial vectors and every thread's random numbers
 */
public record Word2VecSpec(
        boolean cbow,
        int dim,
        int window,
        int negative,
        boolean hierarchicalSoftmax,
        double sample,
        int iterations,
        double alpha,
        int threads,
        long seed) {

    /** Checks every range; messages name the command-line option. */
    public Word2VecSpec {
        positive("--dim", dim);
        positive("--window", window);
        positive("--iter", iterations);
        positive("--threads", threads);
        if (negative < 0) {
            throw new IllegalArgumentException("--negative must be >= 0, got " + negative);
        }
        if (negative == 0 && !hierarchicalSoftmax) {
            throw new IllegalArgumentException(
                    "--negative 0 without --hs leaves nothing to train; give --negative K or --hs");
        }
        if (!(sample >= 0)) {
            throw new IllegalArgumentException("--sample must be >= 0, got " + sample);
        }
        if (!(alpha > 0)) {
            throw new IllegalArgumentException("--lr must be > 0, got " + alpha);
        }
    }

    /** The C tool's defaults: skip-gram, D 100, window 5, 5 negatives, sample 1e-3, 5 passes. */
    public static Word2VecSpec defaults() {
        return new Word2VecSpec(false, 100, 5, 5, false, 1e-3, 5, 0.025, 1, 1);
    }

    /** The C tool's starting learning rate: 0.05 for CBOW, 0.025 for skip-gram. */
    public static double defaultAlpha(boolean cbow) {
        return cbow ? 0.05 : 0.025;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
