package io.dlkit.spark.train;

import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.cli.nn.DistributedFit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's side of an epoch's end, as the core trainer does it: the averaged weights go into
 * the driver's graph, which validates; the epoch's metrics (over every worker's samples), early
 * stopping, the NaN check and the checkpoint, then the listener.
 */
final class EpochEnd {
    private static final int EXTRA = 5; // sums: loss, l2, correct, samples, seconds, extras
    private final DistributedFit job;
    private final TrainingGraph g;
    private final WeightLoader loader;

    EpochEnd(DistributedFit job) {
        this.job = job;
        this.g = job.graph();
        this.loader = new WeightLoader(g.graph());
    }

    /** The number of the objective's extra metrics. */
    int extras() {
        return g.metrics.size();
    }

    /** Ends the epoch {@code s} describes (its sums complete); returns the next epoch's state. */
    TrainState end(TrainState s, Weights averaged) {
        loader.load(averaged);
        EpochMetrics m = metrics(s);
        List<EpochMetrics> history = new ArrayList<>(s.history());
        history.add(m);
        TrainOptions o = job.options();
        double best = s.best();
        int bad = s.badEpochs();
        if (o.earlyStopMetric() != null) {
            double v = m.metric(o.earlyStopMetric());
            boolean better =
                    Double.isNaN(best)
                            || (EpochMetrics.higherIsBetter(o.earlyStopMetric())
                                    ? v > best
                                    : v < best);
            best = better ? v : best;
            bad = better ? 0 : bad + 1;
        }
        TrainState next =
                new TrainState(
                        s.epoch() + 1, 0, s.step(), new double[4], best, bad, List.copyOf(history));
        save(next, averaged);
        job.listener().onEpoch(m);
        return next;
    }

    /** Checkpoints {@code averaged} with {@code s}, refusing NaN or infinite weights. */
    void save(TrainState s, Weights averaged) {
        String bad = averaged.firstNonFinite();
        if (bad != null) {
            throw new TrainingDivergedException(
                    bad
                            + " at epoch "
                            + (s.batch() > 0 ? s.epoch() + 1 : s.epoch())
                            + ", step "
                            + s.step()
                            + (job.checkpoints().exists()
                                    ? "; the last good checkpoint is kept in "
                                            + job.checkpoints().dir()
                                    : "")
                            + "; lower --lr or add --clip-norm");
        }
        loader.load(averaged);
        job.checkpoints().save(g.graph().session(), s);
        job.listener().onCheckpoint(job.checkpoints().dir(), s.epoch(), s.step());
    }

    private EpochMetrics metrics(TrainState s) {
        double[] sums = s.sums();
        double seconds = sums[4];
        double n = Math.max(1, sums[3]);
        Map<String, Double> extra = new LinkedHashMap<>();
        int i = 0;
        for (String name : g.metrics.keySet()) {
            extra.put(name, sums.length > EXTRA + i ? sums[EXTRA + i] / n : Double.NaN);
            i++;
        }
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        if (job.validation() != null) {
            Evaluation e = job.validation().get();
            valLoss = e.loss();
            valAcc = e.accuracy();
            e.metrics().forEach((name, v) -> extra.put("val_" + name, v));
        }
        return new EpochMetrics(
                s.epoch() + 1,
                s.step(),
                sums[0] / n,
                sums[1] / n,
                g.correct == null ? Double.NaN : sums[2] / n,
                valLoss,
                valAcc,
                job.options().schedule().rate(s.epoch(), Math.max(0, s.step() - 1)),
                seconds,
                seconds > 0 ? sums[3] / seconds : Double.NaN,
                extra);
    }
}
