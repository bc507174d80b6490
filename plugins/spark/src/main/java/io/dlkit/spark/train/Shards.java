package io.dlkit.spark.train;

import io.dlkit.backend.io.DType;
import io.dlkit.backend.io.NdArray;
import io.dlkit.cli.nn.RowGather;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits a training set (named arrays of equal rows) into one shard per worker: a seeded random
 * partition (a data set sorted by class, as image folders are, must not give each worker its own
 * classes), of {@code ceil(n / workers)} rows each, the last one the rest.
 */
final class Shards {
    private Shards() {}

    /** {@code workers} shards of {@code data}, the same for the same {@code seed}. */
    static List<Map<String, NdArray>> split(Map<String, NdArray> data, int workers, long seed) {
        int n = rows(data);
        if (n < workers) {
            throw new IllegalArgumentException(
                    "the training data has "
                            + n
                            + " samples, fewer than --workers "
                            + workers
                            + "; use fewer workers");
        }
        int per = (n + workers - 1) / workers;
        int[] order = io.dlkit.backend.data.MiniBatches.shuffledOrder(n, seed, -1);
        Map<String, Object> values = new LinkedHashMap<>();
        data.forEach((k, v) -> values.put(k, v.dtype() == DType.INT32 ? v.ints() : v.floats()));
        List<Map<String, NdArray>> shards = new ArrayList<>();
        for (int from = 0; from < n; from += per) {
            int[] rows = Arrays.copyOfRange(order, from, Math.min(n, from + per));
            Map<String, NdArray> shard = new LinkedHashMap<>();
            data.forEach((k, v) -> shard.put(k, RowGather.gather(v.shape(), values.get(k), rows)));
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

    /** The rows every array has (checked equal). */
    static int rows(Map<String, NdArray> data) {
        int n = -1;
        for (Map.Entry<String, NdArray> e : data.entrySet()) {
            int r = (int) e.getValue().shape()[0];
            if (n >= 0 && r != n) {
                throw new IllegalArgumentException(
                        "the training arrays differ in rows: '"
                                + e.getKey()
                                + "' has "
                                + r
                                + ", the first "
                                + n);
            }
            n = r;
        }
        if (n < 0) throw new IllegalArgumentException("no training arrays");
        return n;
    }
}
