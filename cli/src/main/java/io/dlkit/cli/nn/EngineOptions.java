package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * How {@code dlkit train} runs: in this process ({@code local}) or on a distributed engine such as
 * {@code spark} with {@code workers} data-parallel workers that average their variables every
 * {@code averageEvery} steps. model.yaml records it, so {@code --resume} continues the same way.
 *
 * @param engine {@code local} or an engine's {@link DistributedTraining#name()}
 * @param workers the number of workers (1 for local)
 * @param master the engine's master URL, or null for its default ({@code local[workers]})
 * @param averageEvery the steps each worker takes between two averagings
 */
public record EngineOptions(String engine, int workers, String master, int averageEvery) {
    /** Single-process training with the core trainer. */
    public static final EngineOptions LOCAL = new EngineOptions("local", 1, null, 0);

    /** Workers when {@code --workers} is not given. */
    static final int DEFAULT_WORKERS = 2;

    /** Steps between averagings when {@code --average-every} is not given. */
    public static final int DEFAULT_AVERAGE_EVERY = 10;

    /** Whether the run is distributed (not {@code local}). */
    public boolean distributed() {
        return !"local".equals(engine);
    }

    /**
     * The options the command line gives; nulls are options left out. Checks ranges and that the
     * distributed options come with a distributed engine.
     */
    static EngineOptions parse(String engine, Integer workers, String master, Integer every) {
        String name = engine == null ? "local" : engine;
        if (name.equals("local")) {
            if (workers != null || master != null || every != null) {
                throw DlkitException.invalidInput(
                        "--workers, --master and --average-every apply to a distributed engine;"
                                + " add --engine spark");
            }
            return engine == null ? null : LOCAL;
        }
        if (workers != null && workers < 1)
            throw DlkitException.invalidInput("--workers must be at least 1, got " + workers);
        if (every != null && every < 1)
            throw DlkitException.invalidInput("--average-every must be at least 1, got " + every);
        return new EngineOptions(
                name,
                workers == null ? DEFAULT_WORKERS : workers,
                master,
                every == null ? DEFAULT_AVERAGE_EVERY : every);
    }

    /** The engine {@link #engine()} names, found through {@link ServiceLoader}. */
    DistributedTraining find() {
        for (DistributedTraining t :
                ServiceLoader.load(
                        DistributedTraining.class, EngineOptions.class.getClassLoader())) {
            if (t.name().equals(engine)) return t;
        }
        if (engine.equals("spark")) {
            throw DlkitException.invalidInput(
                    "--engine spark needs the Spark add-on (not installed); build it with"
                            + " `mvn -o -pl plugins/spark -am package -DskipTests` and run"
                            + " plugins/spark/target/dlkit-spark/bin/dlkit, or use --engine local");
        }
        throw DlkitException.invalidInput(
                "--engine " + engine + ": unknown engine; use local or spark");
    }

    /** model.yaml's {@code training.engine} entry. */
    Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", engine);
        m.put("workers", workers);
        if (master != null) m.put("master", master);
        m.put("average_every", averageEvery);
        return m;
    }

    /** The options model.yaml recorded ({@link #LOCAL} when none). */
    static EngineOptions fromConfig(Object o) {
        if (!(o instanceof Map<?, ?> m) || !(m.get("name") instanceof String name)) return LOCAL;
        if (name.equals("local")) return LOCAL;
        return new EngineOptions(
                name,
                m.get("workers") instanceof Number n ? n.intValue() : DEFAULT_WORKERS,
                m.get("master") instanceof String s ? s : null,
                m.get("average_every") instanceof Number k ? k.intValue() : DEFAULT_AVERAGE_EVERY);
    }
}
