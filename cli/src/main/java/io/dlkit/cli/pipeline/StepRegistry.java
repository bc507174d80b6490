package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.StepType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The step types a pipeline may use, by name ({@code uses:}). */
public final class StepRegistry {
    private final Map<String, StepType> types = new TreeMap<>();

    /**
     * Registers the step types.
     *
     * @throws DlkitException (plugin error) when two step types share a name
     */
    public StepRegistry(Collection<? extends StepType> stepTypes) {
        for (StepType type : stepTypes) {
            requireNonNull(type, "step type is null");
            StepType before = types.putIfAbsent(type.name(), type);
            if (before != null) {
                throw new DlkitException(
                        ExitCode.PLUGIN,
                        "step type '"
                                + type.name()
                                + "' is contributed twice, by "
                                + before.getClass().getName()
                                + " and by "
                                + type.getClass().getName()
                                + "; disable one of the plugins that contribute it");
            }
        }
    }

    /**
     * The step types of every provider.
     *
     * @throws DlkitException (plugin error) when a provider fails to list its step types, or two
     *     step types share a name
     */
    public static StepRegistry fromProviders(Collection<? extends StepProvider> providers) {
        List<StepType> types = new ArrayList<>();
        for (StepProvider provider : providers) {
            try {
                types.addAll(provider.stepTypes());
            } catch (RuntimeException | LinkageError e) {
                throw new DlkitException(
                        ExitCode.PLUGIN,
                        "step provider "
                                + provider.getClass().getName()
                                + " failed to list its step types: "
                                + e,
                        e);
            }
        }
        return new StepRegistry(types);
    }

    /** The step type with this name, if registered. */
    public Optional<StepType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** All registered names, sorted. */
    public List<String> names() {
        return List.copyOf(types.keySet());
    }

    /** All registered step types, sorted by name. */
    public List<StepType> all() {
        return List.copyOf(types.values());
    }
}
