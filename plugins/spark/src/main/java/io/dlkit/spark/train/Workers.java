package io.dlkit.spark.train;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.backend.train.TrainingGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workers of the runs in this JVM, kept between rounds (keyed by run id and worker id): a Spark
 * task of round r finds the worker a task of an earlier round built here, or builds it from the
 * task's {@link RunSpec} (its graph from the recipe, its shard from the file Spark shipped), once
 * per JVM. Every round starts from the weights the driver sends, so a worker rebuilt on another
 * executor trains exactly as the one it replaces: results never depend on placement.
 */
final class Workers {
    /** Test-only: build workers as a separate executor would, ignoring the driver's host. */
    static final String ISOLATED = "dlkit.train.isolatedExecutors";

    private static final Map<String, Worker> WORKERS = new ConcurrentHashMap<>();
    private static final Map<String, Weights> HANDOFF = new ConcurrentHashMap<>();

    private Workers() {}

    /** Worker {@code id} of {@code spec}'s run, built on first use in this JVM. */
    static Worker get(RunSpec spec, int id) {
        return WORKERS.computeIfAbsent(spec.runId() + "/" + id, k -> create(spec, id));
    }

    private static Worker create(RunSpec spec, int id) {
        Map<String, NdArray> shard = read(spec.shard(id));
        TrainingGraph graph = spec.recipe().graph(TrainHost.optimizers());
        try {
            return new Worker(
                    id,
                    graph,
                    shard,
                    spec.batchSize(),
                    spec.recipe().schedule(),
                    spec.seed(),
                    spec.recipe().augmenter());
        } catch (RuntimeException e) {
            graph.graph().close();
            throw e;
        }
    }

    private static Map<String, NdArray> read(Path file) {
        try {
            return Npz.read(file);
        } catch (IOException e) {
            throw DlkitException.failed(
                    "training worker: cannot read its shard " + file + ": " + e.getMessage(), e);
        }
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

    /** Closes and forgets the workers of {@code runId} in this JVM. */
    static void close(String runId) {
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
