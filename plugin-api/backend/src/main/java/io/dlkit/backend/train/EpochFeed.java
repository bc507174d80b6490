package io.dlkit.backend.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.io.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/** Feeds batch {@code b} of epoch {@code e} into a runner: from a data set or a batch source. */
interface EpochFeed extends AutoCloseable {
    /** Batches per epoch. */
    int batchCount();

    /** Feeds batch {@code b} of epoch {@code epoch} (from 0); returns its rows. */
    int feed(int epoch, int b, Session.Runner runner);

    @Override
    void close();

    /** A data set's shuffled mini-batches, augmented, through reused buffers. */
    static EpochFeed of(TrainingGraph g, MiniBatches batches, BatchAugmenter aug, long seed) {
        BatchFeeder feeder = new BatchFeeder(g, batches, aug, seed);
        return new EpochFeed() {
            private MiniBatches.Epoch epoch;

            @Override
            public int batchCount() {
                return batches.batchCount();
            }

            @Override
            public int feed(int e, int b, Session.Runner runner) {
                if (epoch == null || epoch.number() != e) epoch = batches.epoch(e);
                return feeder.feed(epoch, b, runner);
            }

            @Override
            public void close() {
                feeder.close();
            }
        };
    }

    /** A batch source's named arrays, each fed to the graph's feed of that name. */
    static EpochFeed of(TrainingGraph g, BatchSource source, long seed) {
        Map<String, Operand<?>> feeds = g.feeds();
        for (String name : source.names()) {
            if (!feeds.containsKey(name)) {
                throw new IllegalArgumentException(
                        "the batches hold '"
                                + name
                                + "' but the training graph takes only "
                                + String.join(", ", feeds.keySet()));
            }
        }
        return new EpochFeed() {
            private final List<Tensor> open = new ArrayList<>();

            @Override
            public int batchCount() {
                return source.batchCount();
            }

            @Override
            public int feed(int e, int b, Session.Runner runner) {
                release();
                int rows = -1;
                for (Map.Entry<String, NdArray> a : source.batch(seed, e, b).entrySet()) {
                    Tensor t = a.getValue().toTensor();
                    open.add(t);
                    BatchFeeder.byName(runner, feeds.get(a.getKey()), t);
                    rows = (int) a.getValue().shape()[0];
                }
                return rows;
            }

            private void release() {
                open.forEach(Tensor::close);
                open.clear();
            }

            @Override
            public void close() {
                release();
            }
        };
    }
}
