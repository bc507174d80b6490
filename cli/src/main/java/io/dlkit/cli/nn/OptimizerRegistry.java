package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.cli.plugin.PluginHost;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The optimizers every started plugin contributes, found by name. */
@Singleton
public final class OptimizerRegistry implements io.dlkit.api.model.Optimizers {
    private final PluginHost host;
    private Map<String, OptimizerProvider> byName;

    @Inject
    OptimizerRegistry(PluginHost host) {
        this.host = host;
    }

    /** A registry of exactly {@code providers}, without plugins (tests, embedding programs). */
    static OptimizerRegistry of(List<OptimizerProvider> providers) {
        OptimizerRegistry r = new OptimizerRegistry(null);
        r.byName = new TreeMap<>();
        for (OptimizerProvider p : providers) r.byName.putIfAbsent(p.name(), p);
        return r;
    }

    /** The known names, sorted. */
    @Override
    public synchronized List<String> names() {
        return List.copyOf(providers().keySet());
    }

    /** The provider of {@code name}. */
    public synchronized OptimizerProvider provider(String name) {
        OptimizerProvider p = providers().get(name);
        if (p == null) {
            List<String> known = names();
            String hint = Suggestions.didYouMean(name, known);
            throw DlkitException.invalidInput(
                    "unknown optimizer '"
                            + name
                            + "'"
                            + hint
                            + " (known: "
                            + (known.isEmpty()
                                    ? "none: is the optimizers plugin started? see dlkit plugins"
                                    : String.join(", ", known))
                            + ")");
        }
        return p;
    }

    /**
     * Creates optimizer {@code name} from hyperparameters; a bad value is an invalid-input error.
     */
    @Override
    public Optimizer create(String name, Map<String, Object> config) {
        try {
            return provider(name).create(config);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    private Map<String, OptimizerProvider> providers() {
        if (byName == null) {
            byName = new TreeMap<>();
            for (OptimizerProvider p : host.extensionsOf(OptimizerProvider.class))
                byName.putIfAbsent(p.name(), p);
        }
        return byName;
    }
}
