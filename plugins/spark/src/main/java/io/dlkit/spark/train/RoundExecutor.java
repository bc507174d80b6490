package io.dlkit.spark.train;

import java.util.ArrayList;
import java.util.List;

/** Runs one round on every worker and collects their results (in worker order). */
interface RoundExecutor {
    /** Runs {@code round} on workers 0 to {@code workers - 1}, each from {@code start}. */
    List<RoundResult> run(Round round, Weights start, int workers);

    /** Runs the workers one after the other in this thread: for tests, and the reference. */
    RoundExecutor IN_PROCESS =
            (round, start, workers) -> {
                List<RoundResult> out = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    out.add(Workers.get(round.runId(), w).train(round, start));
                }
                return out;
            };
}
