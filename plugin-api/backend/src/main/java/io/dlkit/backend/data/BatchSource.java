package io.dlkit.backend.data;

import io.dlkit.backend.io.NdArray;
import java.util.List;
import java.util.Map;

/**
 * A data feeder: batches of several named arrays ({@code x} and {@code labels}; images and YOLO
 * target grids; anchor, positive and negative crops; token ids and masks), each with a leading
 * batch dimension. The {@link io.dlkit.backend.train.Trainer} feeds every array to the training
 * graph's input or target of the same name ({@code TrainingGraph.feeds()}).
 *
 * <p>A batch must depend only on {@code (seed, epoch, batch)}, never on the batches asked for
 * before, so that training is reproducible and resumes mid-epoch exactly (as {@link MiniBatches}
 * does: draw the epoch's order from the seed and the epoch, then take the batch's slice, and seed
 * any augmentation with {@link BatchAugmenter#batchSeed}). {@link #batch} may be called from a
 * background thread ({@link BatchSources#prefetching}), so it must not touch TensorFlow or shared
 * mutable state.
 */
public interface BatchSource {
    /** The samples in one epoch. */
    int size();

    /** The samples in a full batch; the last batch of an epoch may hold fewer. */
    int batchSize();

    /** The names of the arrays every batch holds. */
    List<String> names();

    /** The batches per epoch, {@code ceil(size / batchSize)}. */
    default int batchCount() {
        return (size() + batchSize() - 1) / batchSize();
    }

    /**
     * Batch {@code batch} (from 0) of epoch {@code epoch} (from 0).
     *
     * @return one array per {@link #names()} name, all with the same leading dimension (the rows)
     */
    Map<String, NdArray> batch(long seed, int epoch, int batch);
}
