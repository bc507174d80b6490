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
 */
record RoundResult(int worker, int rows, double[] sums, Weights weights, String diverged)
        implements Serializable {
    /** The same result with {@code w} as its weights. */
    RoundResult withWeights(Weights w) {
        return new RoundResult(worker, rows, sums, w, diverged);
    }
}
