package io.dlkit.backend.train;

/**
 * The result of evaluating a model on a data set.
 *
 * @param samples the number of samples
 * @param loss the mean data loss
 * @param accuracy the fraction classified correctly (NaN for regression)
 * @param confusion {@code confusion[true][predicted]} counts (null for regression)
 * @param metrics the objective's extra metrics, means over the samples (empty for built-ins)
 */
public record Evaluation(
        int samples,
        double loss,
        double accuracy,
        long[][] confusion,
        java.util.Map<String, Double> metrics) {
    /** An evaluation without extra metrics. */
    public Evaluation(int samples, double loss, double accuracy, long[][] confusion) {
        this(samples, loss, accuracy, confusion, java.util.Map.of());
    }
}
