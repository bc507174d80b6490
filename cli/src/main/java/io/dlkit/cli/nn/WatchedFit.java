package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.train.TrainState;
import io.dlkit.cli.progress.Progress;

/**
 * What every {@code dlkit train} run wraps its fit in: the progress display on stderr, the Ctrl-C
 * notice naming the checkpoint to resume from, and the metrics log (continuing a resumed run's
 * history); curves.png is written once the fit ends, with {@code --plot}.
 */
final class WatchedFit {
    /**
     * The fit itself, from state {@code from}, reporting to {@code log}; returns where it ended.
     */
    interface Fit {
        TrainState run(TrainingLog log, TrainState from);
    }

    /** The state the fit ended in and the log that watched it. */
    record Outcome(TrainState state, TrainingLog log) {}

    private WatchedFit() {}

    /** Runs {@code fit} from {@code state} for request {@code r} writing into {@code dir}. */
    static Outcome run(
            CommandContext ctx, ModelDir dir, TrainRequest r, TrainState state, Fit fit) {
        TrainingLog log;
        TrainState end;
        try (Progress progress = Progress.create(ctx.err(), ctx.settings().quiet(), 100);
                InterruptNotice notice =
                        InterruptNotice.install(dir.dir(), ctx.settings().seed(), ctx.err())) {
            log =
                    new TrainingLog(
                            progress, dir, ctx.writer(), r.plot(), state.history(), r.batchSize());
            end = fit.run(log, state);
        }
        if (r.plot() && !log.history().isEmpty()) log.writePlot();
        return new Outcome(end, log);
    }
}
