package io.dlkit.cli.plugin;

import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.StepType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginWrapper;

/**
 * Collects step types: the core's, then each started plugin's under {@code <plugin-id>/}. A plugin
 * whose provider throws or whose step name is taken is marked failed; the others stay usable.
 */
public final class PluginSteps {
    private PluginSteps() {}

    /** All step types, core first. */
    public static List<StepType> collect(List<StepType> core, PluginHost host) {
        List<StepType> all = new ArrayList<>(core);
        Map<String, String> owner = new HashMap<>();
        core.forEach(s -> owner.put(s.name(), "the core"));
        for (PluginWrapper w : new ArrayList<>(host.getStartedPlugins())) {
            try {
                List<StepType> mine = new ArrayList<>();
                for (StepProvider p : host.getExtensions(StepProvider.class, w.getPluginId())) {
                    for (StepType t : p.stepTypes())
                        mine.add(new PluginStepType(w.getPluginId(), t));
                }
                for (StepType t : mine) {
                    String prev = owner.get(t.name());
                    if (prev != null) {
                        throw new IllegalStateException(
                                "step type " + t.name() + " is already defined by " + prev);
                    }
                }
                mine.forEach(t -> owner.put(t.name(), "plugin " + w.getPluginId()));
                all.addAll(mine);
            } catch (RuntimeException | LinkageError e) {
                host.markFailed(w, e);
            }
        }
        return all;
    }
}
