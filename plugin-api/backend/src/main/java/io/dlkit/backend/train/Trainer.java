package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.BatchSource;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.runtime.RunTrace;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * Mini-batch training as the notes describe it: each epoch a synchronised shuffle of X and Y
 * (reproducible from the seed and the epoch number), partitioned into batches with a smaller last
 * one; one optimizer step per batch with the scheduled learning rate fed; validation, metrics,
 * early stopping and checkpoints at epoch ends (and every N steps). A NaN or infinite loss, or a
 * NaN or infinite variable when a checkpoint is due, stops training with {@link
 * TrainingDivergedException}, leaving the last good checkpoint in place.
 *
 * <p>An optional {@link BatchAugmenter} changes each training batch after it is copied and before
 * it is fed, seeded with {@link BatchAugmenter#batchSeed}{@code (options.seed(), epoch, batch)} so
 * that a resumed run augments exactly as the interrupted one would have; validation batches are
 * never augmented.
 */
public final class Trainer {
    // sums: loss, l2, correct, samples, seconds, then the objective's extra metrics
    private static final int EXTRA = 5;

    private final TrainingGraph g;
    private final TrainOptions options;
    private final Checkpoints checkpoints;
    private final TrainingListener listener;
    private final BatchAugmenter augmenter;
    private RunTrace trace;

    /** A trainer; {@code checkpoints} may be null (no checkpoints). */
    public Trainer(
            TrainingGraph graph,
            TrainOptions options,
            Checkpoints checkpoints,
            TrainingListener listener) {
        this(graph, options, checkpoints, listener, BatchAugmenter.NONE);
    }

    /**
     * A trainer that augments training batches with {@code augmenter} ({@link BatchAugmenter#NONE}
     * or null: none); {@code checkpoints} may be null (no checkpoints).
     */
    public Trainer(
            TrainingGraph graph,
            TrainOptions options,
            Checkpoints checkpoints,
            TrainingListener listener,
            BatchAugmenter augmenter) {
        this.g = requireNonNull(graph, "graph is null");
        this.options = requireNonNull(options, "options is null");
        this.checkpoints = checkpoints;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.augmenter = augmenter == null ? BatchAugmenter.NONE : augmenter;
    }

    /**
     * Runs every training step through {@code trace} (a full trace of each run, see {@link
     * RunTrace}); null: none. For {@code dlkit bench train --profile}.
     */
    public Trainer tracing(RunTrace trace) {
        this.trace = trace;
        return this;
    }

    /**
     * Trains from {@code state} (use {@link TrainState#initial()}, or a restored state to resume)
     * until {@code options.epochs()} or early stopping; returns the final state.
     */
    public TrainState fit(Dataset train, Dataset validation, TrainState state) {
        MiniBatches batches =
                g.batchesInOrder()
                        ? MiniBatches.inOrder(train, options.batchSize())
                        : MiniBatches.shuffled(train, options.batchSize(), options.seed());
        Supplier<Evaluation> validate =
                validation == null || validation.size() == 0
                        ? null
                        : () ->
                                new ModelRunner(g)
                                        .evaluate(validation, Math.max(options.batchSize(), 256));
        try (EpochFeed feed = EpochFeed.of(g, batches, augmenter, options.seed())) {
            return loop(feed, validate, state);
        }
    }

    /**
     * Trains from {@code state} on batches of named arrays (see {@link BatchSource}), each fed to
     * the graph's input or target of that name; otherwise exactly as {@link #fit(Dataset, Dataset,
     * TrainState)}: the same schedules, checkpoints, resume, NaN stop and early stopping. The batch
     * size is the source's; {@code options.batchSize()} is not used.
     *
     * @param validation batches to validate on after each epoch (epoch 0 of it), or null
     */
    public TrainState fit(BatchSource train, BatchSource validation, TrainState state) {
        requireNonNull(train, "train is null");
        Supplier<Evaluation> validate =
                validation == null ? null : () -> new ModelRunner(g).evaluate(validation);
        try (EpochFeed feed = EpochFeed.of(g, train, options.seed())) {
            return loop(feed, validate, state);
        }
    }

    private TrainState loop(EpochFeed feed, Supplier<Evaluation> validate, TrainState state) {
        listener.onStart(state.epoch() + 1, options.epochs(), feed.batchCount());
        TrainState s = state;
        while (s.epoch() < options.epochs()) {
            s = runEpoch(feed, s);
            s = endEpoch(s, validate);
            if (s.badEpochs() >= options.patience() && options.earlyStopMetric() != null) break;
        }
        return s;
    }

    private TrainState runEpoch(EpochFeed batches, TrainState s) {
        double[] sums = java.util.Arrays.copyOf(s.sums(), Math.max(s.sums().length, EXTRA + k()));
        long step = s.step();
        long t0 = System.nanoTime();
        for (int b = s.batch(); b < batches.batchCount(); b++) {
            float lr = (float) options.schedule().rate(s.epoch(), step);
            double[] r = trainStep(batches, b, lr, step, s.epoch());
            int rows = (int) r[r.length - 1];
            sums[0] += r[0] * rows;
            sums[1] += r[1] * rows;
            sums[2] += r[2];
            sums[3] += rows;
            for (int i = 0; i < k(); i++) sums[EXTRA + i] += r[3 + i] * rows;
            step++;
            listener.onBatch(
                    s.epoch() + 1,
                    b + 1,
                    step,
                    r[0],
                    g.correct == null ? Double.NaN : r[2] / rows,
                    lr);
            if (options.checkpointEvery() > 0
                    && step % options.checkpointEvery() == 0
                    && b + 1 < batches.batchCount()) {
                save(
                        new TrainState(
                                s.epoch(),
                                b + 1,
                                step,
                                sums,
                                s.best(),
                                s.badEpochs(),
                                s.history()));
            }
        }
        return new TrainState(
                s.epoch(),
                batches.batchCount(),
                step,
                withTime(sums, t0),
                s.best(),
                s.badEpochs(),
                s.history());
    }

    private double[] trainStep(EpochFeed feed, int b, float lr, long step, int ep) {
        Session.Runner r = g.graph().session().runner();
        long fed = System.nanoTime();
        int rows = feed.feed(ep, b, r);
        if (trace != null) trace.fed(System.nanoTime() - fed);
        try (TFloat32 rate = TFloat32.scalarOf(lr);
                TBool training = TBool.scalarOf(true)) {
            r.feed(g.learningRate, rate).feed(g.training, training);
            r.addTarget(g.trainOp).fetch(g.totalLoss).fetch(g.l2Loss);
            if (g.correct != null) r.fetch(g.correct);
            g.metrics.values().forEach(r::fetch);
            try (Result res = trace == null ? r.run() : trace.run(r)) {
                double loss = Tensors.toFloat(res.get(0));
                if (!Double.isFinite(loss))
                    throw diverged("the loss became " + loss, ep + 1, step + 1);
                int first = g.correct == null ? 2 : 3;
                double[] out = new double[4 + k()];
                out[3 + k()] = rows;
                out[0] = loss;
                out[1] = Tensors.toFloat(res.get(1));
                out[2] = g.correct == null ? 0 : Tensors.toFloat(res.get(2));
                for (int i = 0; i < k(); i++) out[3 + i] = Tensors.toFloat(res.get(first + i));
                return out;
            }
        }
    }

    /**
     * Ends the epoch {@code s} describes, its sums complete and the graph holding the epoch's last
     * weights: the epoch's metrics (validated with {@code validate}, or not when null), early
     * stopping, the checkpoint (refusing NaN or infinite variables), then the listener; returns the
     * next epoch's state. {@link #fit} calls it after each epoch; an engine that runs the epoch's
     * steps elsewhere (data-parallel workers) calls it with the steps' sums and the merged weights
     * loaded, so that its epochs end exactly as this loop's do.
     */
    public TrainState endEpoch(TrainState s, Supplier<Evaluation> validate) {
        double[] sums = s.sums();
        double seconds = sums.length > 4 ? sums[4] : 0;
        double n = Math.max(1, sums[3]);
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        Map<String, Double> extra = new LinkedHashMap<>();
        int i = 0;
        for (String name : g.metrics.keySet()) {
            extra.put(name, sums.length > EXTRA + i ? sums[EXTRA + i] / n : Double.NaN);
            i++;
        }
        if (validate != null) {
            Evaluation e = validate.get();
            valLoss = e.loss();
            valAcc = e.accuracy();
            e.metrics().forEach((name, v) -> extra.put("val_" + name, v));
        }
        EpochMetrics m =
                new EpochMetrics(
                        s.epoch() + 1,
                        s.step(),
                        sums[0] / n,
                        sums[1] / n,
                        g.correct == null ? Double.NaN : sums[2] / n,
                        valLoss,
                        valAcc,
                        options.schedule().rate(s.epoch(), Math.max(0, s.step() - 1)),
                        seconds,
                        seconds > 0 ? sums[3] / seconds : Double.NaN,
                        extra);
        List<EpochMetrics> history = new ArrayList<>(s.history());
        history.add(m);
        double best = s.best();
        int bad = s.badEpochs();
        if (options.earlyStopMetric() != null) {
            double v = m.metric(options.earlyStopMetric());
            boolean better =
                    Double.isNaN(best)
                            || (EpochMetrics.higherIsBetter(options.earlyStopMetric())
                                    ? v > best
                                    : v < best);
            best = better ? v : best;
            bad = better ? 0 : bad + 1;
        }
        TrainState next =
                new TrainState(
                        s.epoch() + 1, 0, s.step(), new double[4], best, bad, List.copyOf(history));
        save(next);
        listener.onEpoch(m);
        return next;
    }

    /**
     * Checkpoints the graph's variables with {@code s} (a mid-epoch state: {@code s.batch() > 0}),
     * refusing NaN or infinite variables, as {@code --checkpoint-every} does; nothing without
     * checkpoints.
     *
     * @throws TrainingDivergedException when a variable is NaN or infinite
     */
    public void checkpoint(TrainState s) {
        save(s);
    }

    private void save(TrainState s) {
        if (checkpoints == null) return;
        requireFiniteVariables(s.batch() > 0 ? s.epoch() + 1 : s.epoch(), s.step());
        checkpoints.save(g.graph().session(), s);
        listener.onCheckpoint(checkpoints.dir(), s.epoch(), s.step());
    }

    // A step's loss is computed from the weights before its update, so the last step before a
    // checkpoint can overflow the weights with every loss still finite: such weights must never
    // replace the last good checkpoint.
    private void requireFiniteVariables(int epoch, long step) {
        List<WeightVariable<?>> floats =
                g.graph().variables().stream()
                        .filter(v -> v.read().type() == TFloat32.class)
                        .toList();
        if (floats.isEmpty()) return;
        Session.Runner r = g.graph().session().runner();
        floats.forEach(v -> r.fetch(v.read()));
        try (Result res = r.run()) {
            for (int i = 0; i < floats.size(); i++) {
                for (float v : Tensors.toFloats(res.get(i))) {
                    if (!Float.isFinite(v)) {
                        throw diverged(
                                "variable '" + floats.get(i).name() + "' became " + v, epoch, step);
                    }
                }
            }
        }
    }

    private TrainingDivergedException diverged(String what, int epoch, long step) {
        return new TrainingDivergedException(
                what
                        + " at epoch "
                        + epoch
                        + ", step "
                        + step
                        + (checkpoints != null && checkpoints.exists()
                                ? "; the last good checkpoint is kept in " + checkpoints.dir()
                                : "")
                        + "; lower --lr or add --clip-norm");
    }

    /** The number of the objective's extra metrics. */
    private int k() {
        return g.metrics.size();
    }

    private static double[] withTime(double[] sums, long t0) {
        double[] out = java.util.Arrays.copyOf(sums, Math.max(sums.length, 5));
        out[4] = (sums.length > 4 ? sums[4] : 0) + (System.nanoTime() - t0) / 1e9;
        return out;
    }
}
