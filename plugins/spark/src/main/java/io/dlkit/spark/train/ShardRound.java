package io.dlkit.spark.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.io.NdArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A worker's shard as the core trainer's {@link BatchSource}, cut off at the round's end: batch
 * {@code b} of epoch {@code e} is the shard's shuffled batch (seeded per worker), its {@code x}
 * augmented with the batch's seed as the single-process feeder does; {@link #batchCount()} is the
 * round's end, so the trainer, started at the round's first batch, stops there.
 */
final class ShardRound implements BatchSource {
    private final ShardBatches batches;
    private final int end;
    private final BatchAugmenter augmenter;
    private final long augmentSeed;

    ShardRound(ShardBatches batches, int end, BatchAugmenter augmenter, long augmentSeed) {
        this.batches = batches;
        this.end = end;
        this.augmenter = augmenter;
        this.augmentSeed = augmentSeed;
    }

    @Override
    public int size() {
        return batches.size();
    }

    @Override
    public int batchSize() {
        return batches.batchSize();
    }

    @Override
    public int batchCount() {
        return end;
    }

    @Override
    public List<String> names() {
        return batches.names();
    }

    /** The rows of batches {@code from} (inclusive) to {@link #batchCount()} (exclusive). */
    int rows(int from) {
        int n = 0;
        for (int b = from; b < end; b++) n += batches.rows(b);
        return n;
    }

    @Override
    public Map<String, NdArray> batch(long seed, int e, int b) {
        Map<String, NdArray> m = batches.batch(e, b);
        NdArray x = m.get("x");
        if (augmenter == BatchAugmenter.NONE || x == null) return m;
        float[] values = x.floats();
        augmenter.augment(values, (int) x.shape()[0], BatchAugmenter.batchSeed(augmentSeed, e, b));
        Map<String, NdArray> out = new LinkedHashMap<>(m);
        out.put("x", NdArray.of(values, x.shape()));
        return out;
    }
}
