package io.dlkit.spark.train;

import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.cli.nn.DistributedFit;

/**
 * The driver's side of an epoch's end, as the core trainer does it (its own {@link
 * Trainer#endEpoch}): the averaged weights go into the driver's graph, which validates; the epoch's
 * metrics (over every worker's samples), early stopping, the NaN check and the checkpoint, then the
 * listener.
 */
final class EpochEnd {
    private final DistributedFit job;
    private final TrainingGraph g;
    private final WeightLoader loader;
    private final Trainer trainer;

    EpochEnd(DistributedFit job) {
        this.job = job;
        this.g = job.graph();
        this.loader = new WeightLoader(g.graph());
        this.trainer = new Trainer(g, job.options(), job.checkpoints(), job.listener());
    }

    /** The number of the objective's extra metrics. */
    int extras() {
        return g.metrics.size();
    }

    /** Ends the epoch {@code s} describes (its sums complete); returns the next epoch's state. */
    TrainState end(TrainState s, Weights averaged) {
        loader.load(averaged);
        return trainer.endEpoch(s, job.validation());
    }

    /**
     * Checkpoints {@code averaged} with {@code s} (mid-epoch), refusing NaN or infinite weights.
     */
    void save(TrainState s, Weights averaged) {
        loader.load(averaged);
        trainer.checkpoint(s);
    }
}
