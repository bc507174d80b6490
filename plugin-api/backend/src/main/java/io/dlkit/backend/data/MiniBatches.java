package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * Mini-batches of a {@link Dataset}, epoch by epoch: shuffle, then partition.
 *
 * <ol>
 *   <li><b>Shuffle</b>: each epoch draws one permutation of {@code 0..m-1} and applies it to
 *       features and labels alike, so sample {@code i} keeps its label. The permutation of epoch
 *       {@code k} depends only on {@code (seed, k)} (a Fisher-Yates shuffle driven by a {@link
 *       SplittableRandom} seeded with a mix of both), so a resumed run sees exactly the order the
 *       interrupted run would have seen, without saving any random state.
 *   <li><b>Partition</b>: batch {@code i} holds positions {@code [i*B, min((i+1)*B, m))} of the
 *       permuted order: {@code floor(m/B)} full batches and, when {@code B} does not divide {@code
 *       m}, one smaller last batch of {@code m mod B} samples. Batch size 1 (stochastic gradient
 *       descent) and {@code B = m} (batch gradient descent) are the same code.
 * </ol>
 *
 * <p>Batches are copied into buffers the caller allocates once ({@link #newFeatureBuffer()}) and
 * reuses: one {@link System#arraycopy} per sample, no allocation per batch.
 *
 * <pre>{@code
 * MiniBatches batches = MiniBatches.shuffled(train, 64, seed);
 * float[] x = batches.newFeatureBuffer();
 * int[] y = batches.newLabelBuffer();
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *     MiniBatches.Epoch e = batches.epoch(epoch);
 *     while (e.hasNext()) {
 *         int rows = e.next(x, y);          // x[0 .. rows*featureSize), y[0 .. rows)
 *         ...
 *     }
 * }
 * }</pre>
 */
public final class MiniBatches {
    private final Dataset data;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;

    private MiniBatches(Dataset data, int batchSize, long seed, boolean shuffle) {
        this.data = requireNonNull(data, "data is null");
        if (data.size() == 0) {
            throw new IllegalArgumentException("the data set is empty; it has no batches");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = Math.min(batchSize, data.size());
        this.seed = seed;
        this.shuffle = shuffle;
    }

    /**
     * Batches in a new random order every epoch, reproducible from {@code seed}.
     *
     * @param batchSize the samples per batch, at least 1; larger than the data set means one batch
     */
    public static MiniBatches shuffled(Dataset data, int batchSize, long seed) {
        return new MiniBatches(data, batchSize, seed, true);
    }

    /** Batches in the data set's own order every epoch, for evaluation and prediction. */
    public static MiniBatches inOrder(Dataset data, int batchSize) {
        return new MiniBatches(data, batchSize, 0L, false);
    }

    /** The data set. */
    public Dataset dataset() {
        return data;
    }

    /** The size of a full batch: the requested size, or the data set's size if that is smaller. */
    public int batchSize() {
        return batchSize;
    }

    /** The number of batches per epoch, {@code ceil(m / batchSize)}. */
    public int batchCount() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** The number of samples in batch {@code batch}: {@code batchSize}, or fewer for the last. */
    public int rows(int batch) {
        checkBatch(batch);
        return Math.min(batchSize, data.size() - batch * batchSize);
    }

    /** A buffer for the features of one full batch: {@code batchSize * featureSize} floats. */
    public float[] newFeatureBuffer() {
        return new float[batchSize * data.featureSize()];
    }

    /** A buffer for the class labels of one full batch: {@code batchSize} ints. */
    public int[] newLabelBuffer() {
        return new int[batchSize];
    }

    /** A buffer for the targets of one full batch: {@code batchSize * targetSize} floats. */
    public float[] newTargetBuffer() {
        return new float[batchSize * data.targetSize()];
    }

    /**
     * The order of the samples in epoch {@code epoch} (counted from 0): a permutation of {@code
     * 0..m-1} that depends only on the seed and the epoch, or {@code 0..m-1} itself for {@link
     * #inOrder}.
     */
    public int[] order(int epoch) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be 0 or more, got " + epoch);
        }
        int m = data.size();
        if (shuffle) return shuffledOrder(m, seed, epoch);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * The shuffled order of {@code m} samples for {@code seed} and {@code epoch} (any int): a
     * Fisher-Yates permutation of {@code 0..m-1} from a stream seeded by both, the order {@link
     * #order} gives a shuffled data set; data-parallel shards draw theirs the same way.
     */
    public static int[] shuffledOrder(int m, long seed, int epoch) {
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(mix(seed, epoch));
        for (int i = m - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** The batches of epoch {@code epoch} (counted from 0). */
    public Epoch epoch(int epoch) {
        return new Epoch(epoch, order(epoch));
    }

    // Stafford's variant 13 of the MurmurHash3 finaliser, so that nearby (seed, epoch) pairs give
    // unrelated streams: SplittableRandom seeds that differ by its gamma would give shifted ones.
    private static long mix(long seed, int epoch) {
        long z = seed ^ (0x9E3779B97F4A7C15L * (epoch + 1L));
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private void checkBatch(int batch) {
        if (batch < 0 || batch >= batchCount()) {
            throw new IndexOutOfBoundsException(
                    "batch " + batch + " is out of range 0.." + (batchCount() - 1));
        }
    }

    /**
     * The batches of one epoch, read by index ({@link #copy(int, float[], int[])}) or in turn
     * ({@link #next(float[], int[])}); the latter lets a resumed run start mid-epoch with {@link
     * #skipTo(int)}.
     */
    public final class Epoch {
        private final int number;
        private final int[] order;
        private int cursor;

        private Epoch(int number, int[] order) {
            this.number = number;
            this.order = order;
        }

        /** The epoch, counted from 0. */
        public int number() {
            return number;
        }

        /** The number of batches, as {@link MiniBatches#batchCount()}. */
        public int batchCount() {
            return MiniBatches.this.batchCount();
        }

        /** The index of the batch {@link #next} copies next. */
        public int nextIndex() {
            return cursor;
        }

        /** Whether a batch is left. */
        public boolean hasNext() {
            return cursor < batchCount();
        }

        /** Makes {@code batch} the next batch {@link #next} copies (from 0 to batchCount()). */
        public void skipTo(int batch) {
            if (batch < 0 || batch > batchCount()) {
                throw new IndexOutOfBoundsException(
                        "batch " + batch + " is out of range 0.." + batchCount());
            }
            cursor = batch;
        }

        /**
         * Copies the next batch with class labels and moves on.
         *
         * @return the number of samples copied
         * @throws NoSuchElementException if no batch is left
         */
        public int next(float[] features, int[] labels) {
            int rows = copy(nextOrThrow(), features, labels);
            cursor++;
            return rows;
        }

        /**
         * Copies the next batch with float targets and moves on; see {@link #next(float[], int[])}.
         */
        public int next(float[] features, float[] targets) {
            int rows = copy(nextOrThrow(), features, targets);
            cursor++;
            return rows;
        }

        /**
         * Copies batch {@code batch} into the first {@code rows} samples of the buffers: features
         * to {@code features[0 .. rows*featureSize)}, class ids to {@code labels[0 .. rows)}.
         *
         * @return the number of samples, {@code rows(batch)}
         * @throws IllegalStateException for a data set with float targets
         * @throws IllegalArgumentException if a buffer is too small for the batch
         */
        public int copy(int batch, float[] features, int[] labels) {
            int[] source = data.labelArray();
            if (source == null) {
                throw new IllegalStateException(
                        "the data set has float targets; copy with a float[] targets buffer");
            }
            int rows = rows(batch);
            checkBuffer("labels", requireNonNull(labels, "labels is null").length, rows, rows);
            copyFeatures(batch, rows, features);
            int start = batch * batchSize;
            for (int r = 0; r < rows; r++) {
                labels[r] = source[order[start + r]];
            }
            return rows;
        }

        /**
         * Copies batch {@code batch}: features as {@link #copy(int, float[], int[])}, targets to
         * {@code targets[0 .. rows*targetSize)}.
         *
         * @throws IllegalStateException for a data set with class labels
         */
        public int copy(int batch, float[] features, float[] targets) {
            float[] source = data.targetArray();
            if (source == null) {
                throw new IllegalStateException(
                        "the data set has class labels; copy with an int[] labels buffer");
            }
            int rows = rows(batch);
            int width = data.targetSize();
            requireNonNull(targets, "targets is null");
            checkBuffer("targets", targets.length, rows * width, rows);
            copyFeatures(batch, rows, features);
            int start = batch * batchSize;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(source, order[start + r] * width, targets, r * width, width);
            }
            return rows;
        }

        private void copyFeatures(int batch, int rows, float[] features) {
            int width = data.featureSize();
            requireNonNull(features, "features is null");
            checkBuffer("features", features.length, rows * width, rows);
            float[] source = data.featureArray();
            int start = batch * batchSize;
            for (int r = 0; r < rows; r++) {
                System.arraycopy(source, order[start + r] * width, features, r * width, width);
            }
        }

        private int nextOrThrow() {
            if (!hasNext()) {
                throw new NoSuchElementException(
                        "epoch " + number + " has no batch left after " + batchCount());
            }
            return cursor;
        }

        private void checkBuffer(String name, int length, int needed, int rows) {
            if (length < needed) {
                String factory =
                        Character.toUpperCase(name.charAt(0))
                                + name.substring(1, name.length() - 1);
                throw new IllegalArgumentException(
                        name
                                + " buffer holds "
                                + length
                                + " values but a batch of "
                                + rows
                                + " samples needs "
                                + needed
                                + "; allocate it with new"
                                + factory
                                + "Buffer()");
            }
        }
    }
}
