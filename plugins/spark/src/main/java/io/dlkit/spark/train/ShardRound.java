package io.dlkit.spark.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.io.NdArray;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A worker's shard as the core trainer's {@link BatchSource}, cut off at the round's end: batch
 * {@code b} of epoch {@code e} is the shard's shuffled batch (seeded per worker), augmented with
 * the batch's seed as the single-process feeder does; {@link #batchCount()} is the round's end, so
 * the trainer, started at the round's first batch, stops there.
 */
final class ShardRound implements BatchSource {
    private final MiniBatches batches;
    private final int end;
    private final BatchAugmenter augmenter;
    private final long augmentSeed;
    private MiniBatches.Epoch epoch;

    ShardRound(MiniBatches batches, int end, BatchAugmenter augmenter, long augmentSeed) {
        this.batches = batches;
        this.end = end;
        this.augmenter = augmenter;
        this.augmentSeed = augmentSeed;
    }

    @Override
    public int size() {
        return batches.dataset().size();
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
        return List.of("x", batches.dataset().hasClassLabels() ? "labels" : "targets");
    }

    /** The rows of batches {@code from} (inclusive) to {@link #batchCount()} (exclusive). */
    int rows(int from) {
        int n = 0;
        for (int b = from; b < end; b++) n += batches.rows(b);
        return n;
    }

    @Override
    public Map<String, NdArray> batch(long seed, int e, int b) {
        if (epoch == null || epoch.number() != e) epoch = batches.epoch(e);
        float[] x = batches.newFeatureBuffer();
        int rows;
        NdArray y;
        if (batches.dataset().hasClassLabels()) {
            int[] labels = batches.newLabelBuffer();
            rows = epoch.copy(b, x, labels);
            y = NdArray.of(Arrays.copyOf(labels, rows), rows);
        } else {
            float[] t = batches.newTargetBuffer();
            rows = epoch.copy(b, x, t);
            y =
                    NdArray.of(
                            Arrays.copyOf(t, rows * batches.dataset().targetSize()),
                            shape(rows, batches.dataset().targetShape()));
        }
        if (augmenter != BatchAugmenter.NONE)
            augmenter.augment(x, rows, BatchAugmenter.batchSeed(augmentSeed, e, b));
        NdArray features =
                NdArray.of(
                        Arrays.copyOf(x, rows * batches.dataset().featureSize()),
                        shape(rows, batches.dataset().featureShape()));
        return Map.of("x", features, names().get(1), y);
    }

    private static long[] shape(int rows, long[] sample) {
        long[] s = new long[sample.length + 1];
        s[0] = rows;
        System.arraycopy(sample, 0, s, 1, sample.length);
        return s;
    }
}
