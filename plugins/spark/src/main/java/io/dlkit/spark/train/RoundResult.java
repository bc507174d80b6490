package io.dlkit.spark.train;

import java.io.Serializable;

/**
 * What a worker sends back after a round.
 *
 * @param worker the worker id, from 0
 * @param rows the samples it trained on
 * @param sums its running sums over the round, as the core trainer keeps them: loss times rows, l2
 *     times rows, correct predictions, rows, then each extra metric times rows
 * @param weights its variables after the round (null when it diverged)
 * @param diverged the core trainer's message when a loss became NaN or infinite, else null
 * @param place the executor it ran on, as a Spark task location ({@code executor_HOST_ID}), or null
 */
record RoundResult(
        int worker, int rows, double[] sums, Weights weights, String diverged, String place)
        implements Serializable {
    /** A result not yet placed. */
    RoundResult(int worker, int rows, double[] sums, Weights weights, String diverged) {
        this(worker, rows, sums, weights, diverged, null);
    }

    /** The same result with {@code w} as its weights. */
    RoundResult withWeights(Weights w) {
        return new RoundResult(worker, rows, sums, w, diverged, place);
    }

    /** The same result from the executor {@code where}. */
    RoundResult placed(String where) {
        return new RoundResult(worker, rows, sums, weights, diverged, where);
    }
}
