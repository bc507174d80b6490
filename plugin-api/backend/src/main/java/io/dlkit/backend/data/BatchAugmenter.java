package io.dlkit.backend.data;

/**
 * Changes a training batch in place just before it is fed: data augmentation. The trainer calls it
 * for training batches only, never for validation, evaluation or prediction, with a seed that
 * depends only on the run's seed, the epoch and the batch ({@link #batchSeed}), so a resumed run
 * sees exactly the batches the interrupted one would have seen.
 *
 * <p>An implementation must derive all its randomness from {@code seed} and may keep scratch
 * buffers (the trainer calls it from one thread).
 */
@FunctionalInterface
public interface BatchAugmenter {
    /** Leaves every batch as it is. */
    BatchAugmenter NONE = (features, rows, seed) -> {};

    /**
     * Augments the first {@code rows} samples of {@code features} in place; each sample has the
     * data set's feature shape, row-major, as {@link MiniBatches} copies them.
     *
     * @param features the batch buffer, {@code rows * featureSize} values used
     * @param rows the number of samples in this batch
     * @param seed this batch's seed, from {@link #batchSeed}
     */
    void augment(float[] features, int rows, long seed);

    /**
     * The seed of batch {@code batch} of epoch {@code epoch} (both from 0) of a run with seed
     * {@code seed}: a mix of the three (MurmurHash3's finaliser), so nearby batches get unrelated
     * random streams.
     */
    static long batchSeed(long seed, int epoch, int batch) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L)) ^ (0xC2B2AE3D27D4EB4FL * (batch + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
