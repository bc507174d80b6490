package io.dlkit.backend.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.tensor.FloatFeed;
import io.dlkit.backend.tensor.Tensors;
import java.util.Arrays;
import org.tensorflow.Session;
import org.tensorflow.types.TInt32;

/**
 * Copies one batch at a time into reused buffers and input tensors and adds them to a runner.
 * Labels (a few hundred ints) get a fresh small tensor per batch; features reuse one tensor. A
 * training feeder augments each batch's features (seeded from the run's seed, the epoch and the
 * batch) between the copy and the feed; an evaluation feeder never does.
 */
final class BatchFeeder implements AutoCloseable {
    private final TrainingGraph g;
    private final Dataset data;
    private final float[] features;
    private final int[] labels;
    private final float[] targets;
    private final FloatFeed xFeed;
    private final FloatFeed yFeed;
    private final BatchAugmenter augmenter;
    private final long seed;
    private TInt32 labelTensor;

    /** A feeder without augmentation, for evaluation and prediction. */
    BatchFeeder(TrainingGraph g, MiniBatches batches) {
        this(g, batches, BatchAugmenter.NONE, 0L);
    }

    /** A training feeder that augments every batch it feeds. */
    BatchFeeder(TrainingGraph g, MiniBatches batches, BatchAugmenter augmenter, long seed) {
        this.g = g;
        this.augmenter = augmenter;
        this.seed = seed;
        this.data = batches.dataset();
        this.features = batches.newFeatureBuffer();
        this.xFeed = new FloatFeed(data.featureShape());
        if (data.hasClassLabels()) {
            labels = batches.newLabelBuffer();
            targets = null;
            yFeed = null;
        } else {
            labels = null;
            targets = batches.newTargetBuffer();
            yFeed = new FloatFeed(data.targetShape());
        }
    }

    /** Copies batch {@code b} of {@code epoch} and feeds it; returns the number of rows. */
    int feed(MiniBatches.Epoch epoch, int b, Session.Runner runner) {
        int rows =
                labels != null ? epoch.copy(b, features, labels) : epoch.copy(b, features, targets);
        if (augmenter != BatchAugmenter.NONE) {
            augmenter.augment(features, rows, BatchAugmenter.batchSeed(seed, epoch.number(), b));
        }
        byName(runner, g.x, xFeed.fill(features, 0, rows));
        if (labels != null) {
            if (labelTensor != null) labelTensor.close();
            labelTensor =
                    Tensors.ints(
                            rows == labels.length ? labels : Arrays.copyOf(labels, rows), rows);
            byName(runner, g.labels, labelTensor);
        } else {
            byName(runner, g.targets, yFeed.fill(targets, 0, rows));
        }
        return rows;
    }

    /**
     * Feeds {@code t} to {@code o} by operation name and output index, so that a runner of a {@link
     * io.dlkit.backend.runtime.FrozenGraph} copy (same names) accepts the original's feeds.
     */
    static void byName(
            Session.Runner runner, org.tensorflow.Operand<?> o, org.tensorflow.Tensor t) {
        org.tensorflow.Output<?> out = o.asOutput();
        runner.feed(out.op().name(), out.index(), t);
    }

    /** The class labels of the batch just fed (classification only). */
    int[] labels() {
        return labels;
    }

    @Override
    public void close() {
        xFeed.close();
        if (yFeed != null) yFeed.close();
        if (labelTensor != null) labelTensor.close();
    }
}
