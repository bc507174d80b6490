package io.dlkit.cli.nn;

import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.DType;
import io.dlkit.backend.io.NdArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batches of named arrays ({@link NamedData}): each epoch a shuffle of the samples drawn from
 * the seed and the epoch alone (so a resumed run sees the same batches), or the data order when not
 * shuffled (evaluation, prediction).
 */
final class ArraySource implements BatchSource {
    private final NamedData data;
    private final int batchSize;
    private final boolean shuffle;
    // The values themselves, unpacked once: NdArray's accessors copy.
    private final Map<String, Object> values = new LinkedHashMap<>();

    ArraySource(NamedData data, int batchSize, boolean shuffle) {
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        data.arrays()
                .forEach((k, v) -> values.put(k, v.dtype() == DType.INT32 ? v.ints() : v.floats()));
    }

    @Override
    public int size() {
        return data.rows();
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public List<String> names() {
        return List.copyOf(data.arrays().keySet());
    }

    @Override
    public Map<String, NdArray> batch(long seed, int epoch, int batch) {
        int[] order = order(seed, epoch);
        int from = batch * batchSize;
        int[] rows =
                java.util.Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
        Map<String, NdArray> m = new LinkedHashMap<>();
        data.arrays().forEach((k, v) -> m.put(k, RowGather.gather(v.shape(), values.get(k), rows)));
        return m;
    }

    private int[] order(long seed, int epoch) {
        int m = data.rows();
        int[] order = new int[m];
        for (int i = 0; i < m; i++) order[i] = i;
        if (!shuffle) return order;
        SplittableRandom random = new SplittableRandom(mix(seed, epoch));
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    // As MiniBatches: nearby (seed, epoch) pairs must give unrelated streams.
    private static long mix(long seed, int epoch) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The rows {@code rows} of {@code a} (float32 or int32), in that order. */
    static NdArray gather(NdArray a, int[] rows) {
        return RowGather.gather(a.shape(), a.dtype() == DType.INT32 ? a.ints() : a.floats(), rows);
    }
}
