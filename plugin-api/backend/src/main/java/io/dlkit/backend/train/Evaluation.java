package io.dlkit.backend.train;

/**
 * The result of evaluating a model on a data set.
 *
 * @param samples the number of samples
 * @param loss the mean data loss
 * @param accuracy the fraction classified correctly (NaN for regression)
 * @param confusion {@code confusion[true][predicted]} counts (null for regression)
 */
public record Evaluation(int samples, double loss, double accuracy, long[][] confusion) {}
