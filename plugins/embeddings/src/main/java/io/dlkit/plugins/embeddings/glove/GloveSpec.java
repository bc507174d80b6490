package io.dlkit.plugins.embeddings.glove;

/**
 * The settings of a GloVe run.
 *
 * @param dim the vector size D
 * @param window the co-occurrence window (each side)
 * @param iterations passes over the non-zero entries of X
 * @param xMax the count at which the weighting reaches 1 (100 in the notes)
 * @param power the weighting's exponent alpha (3/4 in the notes)
 * @param learningRate AdaGrad's initial step eta (0.05 in the Stanford tool)
 * @param seed the seed of the initial values and of the order of the entries
 * @param threads worker threads (Hogwild updates)
 */
public record GloveSpec(
        int dim,
        int window,
        int iterations,
        double xMax,
        double power,
        double learningRate,
        long seed,
        int threads) {

    /** Checks every range; messages name the command-line option. */
    public GloveSpec {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (dim < 1 || window < 1 || iterations < 1) {
            throw new IllegalArgumentException(
                    "--dim, --window and --iter must be >= 1, got "
                            + dim
                            + ", "
                            + window
                            + ", "
                            + iterations);
        }
        if (!(xMax > 0) || !(power > 0) || !(learningRate > 0)) {
            throw new IllegalArgumentException(
                    "--x-max, --power and --lr must be > 0, got "
                            + xMax
                            + ", "
                            + power
                            + ", "
                            + learningRate);
        }
    }

    /** The weighting f(x) = (x / x_max)^alpha for x < x_max, else 1. */
    public double weight(double x) {
        return x < xMax ? Math.pow(x / xMax, power) : 1;
    }
}
