package io.dlkit.spark.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import java.util.List;
import java.util.Map;

/**
 * One data-parallel worker: its shard and its own training graph, kept for the whole run so rounds
 * never rebuild a graph. A round loads the broadcast weights and runs the core {@link Trainer} on
 * the round's batches of the shard, from the round's epoch and global step (so the learning-rate
 * schedule, the NaN stop and the metrics are the single-process trainer's).
 */
final class Worker implements AutoCloseable {
    private final int id;
    private final TrainingGraph graph;
    private final WeightLoader loader;
    private final ShardBatches batches;
    private final LearningRateSchedule schedule;
    private final long seed;
    private final BatchAugmenter augmenter;

    /**
     * Worker {@code id} of a run of seed {@code seed}: {@code graph} (closed with the worker)
     * trained on {@code shard} in batches of {@code batchSize}.
     */
    Worker(
            int id,
            TrainingGraph graph,
            Map<String, NdArray> shard,
            int batchSize,
            LearningRateSchedule schedule,
            long seed,
            BatchAugmenter augmenter) {
        this.id = id;
        this.graph = graph;
        this.loader = new WeightLoader(graph.graph());
        this.batches = new ShardBatches(shard, batchSize, shardSeed(seed, id));
        this.schedule = schedule;
        this.seed = seed;
        this.augmenter = augmenter == null ? BatchAugmenter.NONE : augmenter;
    }

    /** Each worker shuffles its shard in its own order, reproducibly from the run's seed. */
    static long shardSeed(long seed, int worker) {
        return BatchAugmenter.batchSeed(seed, -1, worker);
    }

    /** The shard's batches per epoch. */
    int batchCount() {
        return batches.batchCount();
    }

    /** Trains {@code round} from {@code start}; a NaN or infinite loss is reported, not thrown. */
    RoundResult train(Round round, Weights start) {
        loader.load(start);
        int end = Math.min(round.to(), batches.batchCount());
        if (round.from() >= end) return new RoundResult(id, 0, new double[4], start, null);
        ShardRound source = new ShardRound(batches, end, augmenter, shardSeed(seed, id));
        TrainOptions once =
                new TrainOptions(
                        round.epoch() + 1, batches.batchSize(), schedule, seed, 0, null, 1);
        TrainState from =
                new TrainState(
                        round.epoch(),
                        round.from(),
                        round.step(),
                        new double[4],
                        Double.NaN,
                        0,
                        List.of());
        TrainState after;
        try {
            after = new Trainer(graph, once, null, TrainingListener.NONE).fit(source, null, from);
        } catch (TrainingDivergedException e) {
            return new RoundResult(id, 0, new double[4], null, e.getMessage());
        }
        int rows = source.rows(round.from());
        return new RoundResult(
                id, rows, sums(after.history().get(0), rows), Weights.read(graph.graph()), null);
    }

    /** The round's sums back from its metrics (the trainer reports means over the rows). */
    private static double[] sums(EpochMetrics m, int rows) {
        double[] s = new double[5 + m.extra().size()];
        s[0] = m.loss() * rows;
        s[1] = m.l2() * rows;
        s[2] = Double.isNaN(m.accuracy()) ? 0 : m.accuracy() * rows;
        s[3] = rows;
        int i = 5;
        for (double v : m.extra().values()) s[i++] = v * rows;
        return s;
    }

    @Override
    public void close() {
        graph.graph().close();
    }
}
