package io.dlkit.spark.train;

import java.io.Serializable;

/**
 * One averaging round: every worker trains batches {@code from} to {@code to} (exclusive, cut at
 * its shard's batch count) of epoch {@code epoch} from the same starting weights.
 *
 * @param runId the run, the key of its workers in {@link Workers}
 * @param epoch the epoch, from 0
 * @param from the first batch
 * @param to the batch after the last
 * @param step the global step count before the round
 */
record Round(String runId, int epoch, int from, int to, long step) implements Serializable {}
