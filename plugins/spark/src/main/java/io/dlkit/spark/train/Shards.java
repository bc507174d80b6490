package io.dlkit.spark.train;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.MiniBatches;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a training set into one shard per worker: a seeded random partition (a data set sorted by
 * class, as image folders are, must not give each worker its own classes), of sizes that differ by
 * at most one batch's rounding: {@code ceil(n / workers)} each, the last one the rest.
 */
final class Shards {
    private Shards() {}

    /** {@code workers} shards of {@code data}, the same for the same {@code seed}. */
    static List<Dataset> split(Dataset data, int workers, long seed) {
        int n = data.size();
        if (n < workers) {
            throw new IllegalArgumentException(
                    "the training data has "
                            + n
                            + " samples, fewer than --workers "
                            + workers
                            + "; use fewer workers");
        }
        int per = (n + workers - 1) / workers;
        // Epoch 0 of a shuffle in batches of ceil(n / workers): a random partition, copied row by
        // row from the data set's own arrays (no copy of the whole set).
        MiniBatches.Epoch order = MiniBatches.shuffled(data, per, seed).epoch(0);
        List<Dataset> shards = new ArrayList<>();
        for (int w = 0; w < order.batchCount(); w++) {
            float[] x = new float[per * data.featureSize()];
            int rows;
            Dataset shard;
            if (data.hasClassLabels()) {
                int[] y = new int[per];
                rows = order.copy(w, x, y);
                shard =
                        Dataset.ofClasses(
                                trim(x, rows * data.featureSize()),
                                java.util.Arrays.copyOf(y, rows),
                                data.numClasses(),
                                data.featureShape());
            } else {
                float[] y = new float[per * data.targetSize()];
                rows = order.copy(w, x, y);
                shard =
                        Dataset.ofTargets(
                                trim(x, rows * data.featureSize()),
                                data.featureShape(),
                                trim(y, rows * data.targetSize()),
                                data.targetShape());
            }
            shards.add(shard);
        }
        if (shards.size() < workers) {
            throw new IllegalArgumentException(
                    "the training data's "
                            + n
                            + " samples make only "
                            + shards.size()
                            + " shards of "
                            + per
                            + " for --workers "
                            + workers
                            + "; use fewer workers");
        }
        return shards;
    }

    private static float[] trim(float[] a, int n) {
        return a.length == n ? a : java.util.Arrays.copyOf(a, n);
    }
}
