package io.dlkit.spark.train;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.cli.nn.DistributedFit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Synchronous data-parallel training by parameter averaging (Deeplearning4j's scheme): the training
 * set is split into one shard per worker; in each round every worker starts from the same
 * (averaged) variables and takes {@code averageEvery} steps of the core trainer on its shard with
 * batches of {@code ceil(batchSize / workers)}, so that a step of all workers together sees one
 * global batch; then the driver averages their variables ({@link WeightAverage}). Rounds never
 * cross an epoch's end, where the driver validates the averaged model, logs the epoch's metrics and
 * checkpoints it: so a resumed run continues exactly like an uninterrupted one.
 */
public final class ParameterAveraging {
    private final DistributedFit job;
    private final RoundExecutor executor;
    private final int workers;
    private final int every;

    ParameterAveraging(DistributedFit job, RoundExecutor executor) {
        this.job = job;
        this.executor = executor;
        this.workers = job.engine().workers();
        this.every = job.engine().averageEvery();
    }

    /** Trains from {@code job.state()}; returns the final state. */
    TrainState fit() {
        TrainOptions o = job.options();
        int batch = (o.batchSize() + workers - 1) / workers;
        List<Map<String, NdArray>> shards = Shards.split(job.train(), workers, o.seed());
        int steps = (Shards.rows(shards.get(0)) + batch - 1) / batch;
        String runId = UUID.randomUUID().toString();
        TrainHost.use(job.optimizers());
        Path dir = ShardFiles.tempDir();
        try {
            RunSpec spec =
                    new RunSpec(
                            runId,
                            job.workers(),
                            ShardFiles.write(dir, runId, shards, executor::ship),
                            ShardFiles.paths(dir, runId, shards.size()),
                            batch,
                            o.seed());
            shards = null; // on disk now: let the driver's copy go before training
            return loop(spec, steps);
        } finally {
            Workers.close(runId);
            ShardFiles.delete(dir);
        }
    }

    private TrainState loop(RunSpec spec, int steps) {
        EpochEnd end = new EpochEnd(job);
        Weights current = Weights.read(job.graph().graph());
        TrainState s = job.state();
        TrainOptions o = job.options();
        job.listener().onStart(s.epoch() + 1, o.epochs(), steps);
        while (s.epoch() < o.epochs()) {
            long t0 = System.nanoTime();
            double[] sums = Arrays.copyOf(s.sums(), Math.max(s.sums().length, 5 + end.extras()));
            long step = s.step();
            for (int from = s.batch(); from < steps; ) {
                int to = Math.min((from / every + 1) * every, steps);
                Round round = new Round(spec.runId(), s.epoch(), from, to, step);
                current = average(executor.run(spec, round, current), round, sums);
                step += to - from;
                from = to;
                if (o.checkpointEvery() > 0
                        && round.step() / o.checkpointEvery() != step / o.checkpointEvery()
                        && to < steps) {
                    // As the core trainer: a mid-epoch checkpoint keeps the sums without the time.
                    end.save(
                            new TrainState(
                                    s.epoch(),
                                    to,
                                    step,
                                    sums.clone(),
                                    s.best(),
                                    s.badEpochs(),
                                    s.history()),
                            current);
                }
            }
            sums[4] += (System.nanoTime() - t0) / 1e9;
            s =
                    end.end(
                            new TrainState(
                                    s.epoch(),
                                    steps,
                                    step,
                                    sums,
                                    s.best(),
                                    s.badEpochs(),
                                    s.history()),
                            current);
            if (s.badEpochs() >= o.patience() && o.earlyStopMetric() != null) break;
        }
        return s;
    }

    /** Adds the round's sums to the epoch's, reports its steps, returns the averaged weights. */
    private Weights average(List<RoundResult> results, Round round, double[] sums) {
        List<Weights> models = new ArrayList<>();
        double[] rows = new double[results.size()];
        double[] got = new double[sums.length];
        for (RoundResult r : results) {
            if (r.diverged() != null) throw diverged(r);
            rows[models.size()] = r.rows();
            models.add(r.weights());
            for (int i = 0; i < Math.min(r.sums().length, sums.length); i++) {
                if (i != 4) got[i] += r.sums()[i];
            }
        }
        for (int i = 0; i < sums.length; i++) sums[i] += got[i];
        report(round, got);
        return WeightAverage.of(models, rows);
    }

    /** One progress step per synchronous step, each with the round's mean loss and accuracy. */
    private void report(Round round, double[] got) {
        double n = Math.max(1, got[3]);
        double accuracy = job.graph().correct == null ? Double.NaN : got[2] / n;
        long step = round.step();
        for (int b = round.from(); b < round.to(); b++) {
            double lr = job.options().schedule().rate(round.epoch(), step);
            step++;
            job.listener().onBatch(round.epoch() + 1, b + 1, step, got[0] / n, accuracy, lr);
        }
    }

    // The core trainer's message ("the loss became NaN at epoch 2, step 40; lower --lr or ..."),
    // with the worker and the driver's last good checkpoint before the advice.
    private TrainingDivergedException diverged(RoundResult r) {
        String m = r.diverged();
        int cut = m.indexOf("; lower");
        String advice = cut < 0 ? "" : m.substring(cut);
        return new TrainingDivergedException(
                (cut < 0 ? m : m.substring(0, cut))
                        + " on worker "
                        + r.worker()
                        + (job.checkpoints().exists()
                                ? "; the last good checkpoint is kept in " + job.checkpoints().dir()
                                : "")
                        + advice);
    }
}
