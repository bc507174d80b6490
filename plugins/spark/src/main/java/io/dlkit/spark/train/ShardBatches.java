package io.dlkit.spark.train;

import io.dlkit.backend.io.DType;
import io.dlkit.backend.io.NdArray;
import io.dlkit.cli.nn.RowGather;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's shard (named arrays of equal rows) in mini-batches: each epoch a shuffle drawn from
 * the worker's seed and the epoch alone, so the same worker sees the same batches in any JVM, in a
 * resumed run as in an uninterrupted one; the last batch of an epoch may be short.
 */
final class ShardBatches {
    private final Map<String, NdArray> arrays;
    // The values themselves, unpacked once: NdArray's accessors copy.
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final int rows;
    private final int batchSize;
    private final long seed;
    private int orderEpoch = -1;
    private int[] order;

    ShardBatches(Map<String, NdArray> arrays, int batchSize, long seed) {
        if (arrays.isEmpty()) throw new IllegalArgumentException("the shard has no arrays");
        this.arrays = arrays;
        this.rows = (int) arrays.values().iterator().next().shape()[0];
        this.batchSize = batchSize;
        this.seed = seed;
        arrays.forEach((k, v) -> values.put(k, v.dtype() == DType.INT32 ? v.ints() : v.floats()));
    }

    int size() {
        return rows;
    }

    int batchSize() {
        return batchSize;
    }

    int batchCount() {
        return (rows + batchSize - 1) / batchSize;
    }

    /** The rows of batch {@code b}. */
    int rows(int b) {
        return Math.min(batchSize, rows - b * batchSize);
    }

    List<String> names() {
        return List.copyOf(arrays.keySet());
    }

    /** Batch {@code b} of epoch {@code epoch}: every array's rows of that batch. */
    Map<String, NdArray> batch(int epoch, int b) {
        int[] picked = new int[rows(b)];
        System.arraycopy(order(epoch), b * batchSize, picked, 0, picked.length);
        Map<String, NdArray> m = new LinkedHashMap<>();
        arrays.forEach((k, v) -> m.put(k, RowGather.gather(v.shape(), values.get(k), picked)));
        return m;
    }

    private int[] order(int epoch) {
        if (epoch == orderEpoch) return order;
        order = io.dlkit.backend.data.MiniBatches.shuffledOrder(rows, seed, epoch);
        orderEpoch = epoch;
        return order;
    }
}
