package io.dlkit.plugins.embeddings.tsne;

/**
 * The settings of a t-SNE run; the defaults are those of bhtsne and scikit-learn.
 *
 * @param perplexity the effective number of neighbours each point's Gaussian is fitted to
 * @param iterations gradient steps
 * @param learningRate the step size eta; 0 for scikit-learn's "auto": max(n / exaggeration / 4, 50)
 * @param exaggeration the factor P is multiplied by during the first steps
 * @param exaggerationSteps how many steps use it (and the lower momentum)
 * @param initialMomentum momentum during the exaggeration
 * @param finalMomentum momentum afterwards
 * @param seed the seed of the initial map
 */
public record TsneSpec(
        double perplexity,
        int iterations,
        double learningRate,
        double exaggeration,
        int exaggerationSteps,
        double initialMomentum,
        double finalMomentum,
        long seed) {

    /** Checks the ranges. */
    public TsneSpec {
        if (!(perplexity > 0) || iterations < 1 || !(learningRate >= 0) || !(exaggeration >= 1)) {
            throw new IllegalArgumentException(
                    "t-SNE needs perplexity > 0, iterations >= 1, learning rate >= 0 and"
                            + " exaggeration >= 1");
        }
    }

    /**
     * Perplexity 30, 1000 steps, eta "auto", exaggeration 12 for 250 steps, momentum 0.5 then 0.8.
     */
    public static TsneSpec defaults(long seed) {
        return new TsneSpec(30, 1000, 0, 12, 250, 0.5, 0.8, seed);
    }

    /** The step size for {@code n} points: the given one, or "auto". */
    public double learningRate(int n) {
        return learningRate > 0 ? learningRate : Math.max(n / exaggeration / 4, 50);
    }

    /** The same with another perplexity and number of steps. */
    public TsneSpec with(double perplexity, int iterations) {
        return new TsneSpec(
                perplexity,
                iterations,
                learningRate,
                exaggeration,
                exaggerationSteps,
                initialMomentum,
                finalMomentum,
                seed);
    }
}
