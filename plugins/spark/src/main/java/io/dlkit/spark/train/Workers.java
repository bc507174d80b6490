package io.dlkit.spark.train;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainingGraph;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The workers of the runs in this JVM, kept between rounds: a Spark task of round r finds the graph
 * its worker built in round 1 here (keyed by run id and worker id) instead of building it again.
 * The driver registers a run's setup before the first round and closes its workers after the last.
 */
final class Workers {
    /** What a run's workers are made from. */
    record Setup(
            Supplier<TrainingGraph> graphs,
            List<Dataset> shards,
            int batchSize,
            TrainOptions options,
            BatchAugmenter augmenter) {}

    private static final Map<String, Setup> RUNS = new ConcurrentHashMap<>();
    private static final Map<String, Worker> WORKERS = new ConcurrentHashMap<>();
    private static final Map<String, Weights> HANDOFF = new ConcurrentHashMap<>();

    private Workers() {}

    static void register(String runId, Setup setup) {
        RUNS.put(runId, setup);
    }

    /** Worker {@code id} of run {@code runId}, built on first use. */
    static Worker get(String runId, int id) {
        return WORKERS.computeIfAbsent(runId + "/" + id, k -> create(runId, id));
    }

    private static Worker create(String runId, int id) {
        Setup s = RUNS.get(runId);
        if (s == null) {
            throw new IllegalStateException(
                    "training run "
                            + runId
                            + " is not known in this JVM: the workers run in the driver's JVM"
                            + " (--master local[N]) only");
        }
        return new Worker(
                id,
                s.graphs().get(),
                s.shards().get(id),
                s.batchSize(),
                s.options(),
                s.augmenter());
    }

    /** Leaves {@code w} under {@code key} for another thread of this JVM (null: removes it). */
    static void handOff(String key, Weights w) {
        if (w == null) HANDOFF.remove(key);
        else HANDOFF.put(key, w);
    }

    /** The weights left under {@code key}, removed. */
    static Weights take(String key) {
        Weights w = HANDOFF.remove(key);
        if (w == null) throw new IllegalStateException("no weights under " + key + " in this JVM");
        return w;
    }

    /** The weights left under {@code key}, left there for the other workers. */
    static Weights peek(String key) {
        Weights w = HANDOFF.get(key);
        if (w == null) throw new IllegalStateException("no weights under " + key + " in this JVM");
        return w;
    }

    /** Closes and forgets the workers of {@code runId}. */
    static void close(String runId) {
        RUNS.remove(runId);
        HANDOFF.keySet().removeIf(k -> k.startsWith(runId + "/"));
        var it = WORKERS.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Worker> e = it.next();
            if (e.getKey().startsWith(runId + "/")) {
                e.getValue().close();
                it.remove();
            }
        }
    }
}
