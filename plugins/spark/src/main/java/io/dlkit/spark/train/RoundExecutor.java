package io.dlkit.spark.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one round on every worker and collects their results (in worker order). */
interface RoundExecutor {
    /**
     * Makes {@code file} (a shard) readable where the workers run; returns the name {@link
     * RunSpec#shard} finds it by.
     */
    default String ship(Path file) {
        return file.getFileName().toString();
    }

    /** Runs {@code round} on each of {@code spec}'s workers, each from {@code start}. */
    List<RoundResult> run(RunSpec spec, Round round, Weights start);

    /** Runs the workers one after the other in this thread: for tests, and the reference. */
    RoundExecutor IN_PROCESS =
            (spec, round, start) -> {
                List<RoundResult> out = new ArrayList<>();
                for (int w = 0; w < spec.shardNames().size(); w++) {
                    out.add(Workers.get(spec, w).train(round, start));
                }
                return out;
            };
}
