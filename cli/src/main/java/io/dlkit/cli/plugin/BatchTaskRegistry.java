package io.dlkit.cli.plugin;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.extension.BatchTasks;
import io.dlkit.backend.text.Suggestions;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The batch tasks every started plugin contributes, found by name (first plugin wins). */
@Singleton
public final class BatchTaskRegistry implements BatchTasks {
    private final PluginHost host;
    private Map<String, BatchTaskProvider> byName;

    @Inject
    BatchTaskRegistry(PluginHost host) {
        this.host = host;
    }

    @Override
    public synchronized List<String> names() {
        return List.copyOf(providers().keySet());
    }

    @Override
    public synchronized BatchTaskProvider provider(String name) {
        BatchTaskProvider p = providers().get(name);
        if (p == null) {
            List<String> known = names();
            throw DlkitException.invalidInput(
                    "unknown batch task '"
                            + name
                            + "'"
                            + Suggestions.didYouMean(name, known)
                            + " (known: "
                            + (known.isEmpty()
                                    ? "none: are the plugins started? see dlkit plugins"
                                    : String.join(", ", known))
                            + ")");
        }
        return p;
    }

    private Map<String, BatchTaskProvider> providers() {
        if (byName == null) {
            byName = new TreeMap<>();
            for (BatchTaskProvider p : host.extensionsOf(BatchTaskProvider.class)) {
                byName.putIfAbsent(p.name(), p);
            }
        }
        return byName;
    }
}
