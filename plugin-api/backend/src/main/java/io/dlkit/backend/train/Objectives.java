package io.dlkit.backend.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.ConfigReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training objectives by name: the built-in {@link LossKind}s, those registered by a program,
 * and those started plugins contribute (installed by dlkit's host with {@link #useContributed}).
 */
public final class Objectives {
    private static final Map<String, Objective> REGISTERED = new ConcurrentHashMap<>();
    private static volatile Map<String, Objective> contributed = Map.of();

    private Objectives() {}

    /** Every objective by id, sorted. */
    public static Map<String, Objective> all() {
        Map<String, Objective> m = new TreeMap<>();
        for (LossKind k : LossKind.values()) m.put(k.id(), k);
        m.putAll(REGISTERED);
        m.putAll(contributed);
        return m;
    }

    /** The objective ids, sorted. */
    public static List<String> ids() {
        return List.copyOf(all().keySet());
    }

    /**
     * The objective called {@code id}.
     *
     * @throws IllegalArgumentException for an unknown id, with "did you mean" and the known ids
     */
    public static Objective resolve(String id) {
        requireNonNull(id, "id is null");
        Objective o = all().get(id.trim());
        if (o == null) {
            throw new IllegalArgumentException(
                    "unknown loss '"
                            + id
                            + "'"
                            + ConfigReader.didYouMean(id, ids())
                            + "; use one of "
                            + String.join(", ", ids()));
        }
        return o;
    }

    /**
     * Adds an objective for this process (tests, embedding programs).
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public static void register(Objective objective) {
        requireNonNull(objective, "objective is null");
        if (all().containsKey(objective.id())) {
            throw new IllegalArgumentException("loss '" + objective.id() + "' already exists");
        }
        REGISTERED.put(objective.id(), objective);
    }

    /** Removes an objective added with {@link #register}. */
    public static void unregister(String id) {
        REGISTERED.remove(id);
    }

    /**
     * Replaces the plugin-contributed objectives (the host calls it once per run).
     *
     * @throws IllegalArgumentException when an id is built in or contributed twice
     */
    public static void useContributed(Collection<Contributed> objectives) {
        Map<String, Objective> m = new TreeMap<>();
        Map<String, String> origin = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Contributed c : objectives) {
            String id = c.objective().id();
            boolean builtIn = all().containsKey(id) && !contributed.containsKey(id);
            if (builtIn) {
                problems.add("plugin '" + c.plugin() + "': loss '" + id + "' already exists");
            } else if (origin.containsKey(id)) {
                problems.add(
                        "plugins '"
                                + origin.get(id)
                                + "' and '"
                                + c.plugin()
                                + "' both contribute loss '"
                                + id
                                + "'");
            } else {
                m.put(id, c.objective());
                origin.put(id, c.plugin());
            }
        }
        contributed = Map.copyOf(m);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /**
     * An objective and the plugin that contributes it.
     *
     * @param plugin the plugin's id
     * @param objective the objective
     */
    public record Contributed(String plugin, Objective objective) {}
}
