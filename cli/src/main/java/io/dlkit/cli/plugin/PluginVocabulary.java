package io.dlkit.cli.plugin;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.extension.LayerProvider;
import io.dlkit.api.extension.ObjectiveProvider;
import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.train.Objective;
import io.dlkit.backend.train.Objectives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Installs the model vocabulary plugins contribute (layer types, objectives) into the backend's
 * registries, once per invocation and only when a command reads a model file, so that {@code
 * --help} and {@code plugins} never build a layer. A plugin that is present but not started, and
 * whose jar manifest declares {@code Plugin-Layers: a, b}, becomes the hint a model file naming
 * {@code a} gets: "comes from the plugin X, which is not loaded".
 */
public final class PluginVocabulary {
    /** The manifest attribute listing the layer types a plugin jar contributes. */
    public static final String LAYERS_ATTRIBUTE = "Plugin-Layers";

    private static PluginHost host;
    private static boolean installed;

    private PluginVocabulary() {}

    /** Sets the host of this invocation; the vocabulary is installed on first {@link #ensure}. */
    public static synchronized void use(PluginHost current) {
        host = current;
        installed = false;
    }

    /** Installs the started plugins' layer types and objectives, once per host. */
    public static synchronized void ensure() {
        if (installed || host == null) return;
        installed = true;
        // forget an earlier host's plugins (several invocations in one JVM: tests, embedding)
        Layers.useContributed(List.of());
        Objectives.useContributed(List.of());
        List<Layers.Contributed> layers = new ArrayList<>();
        List<Objectives.Contributed> objectives = new ArrayList<>();
        Set<String> layerNames = new HashSet<>(Layers.types());
        Set<String> objectiveIds = new HashSet<>(Objectives.ids());
        for (PluginWrapper w : new ArrayList<>(host.getStartedPlugins())) {
            try {
                List<Layers.Contributed> mine = new ArrayList<>();
                for (LayerProvider p : host.getExtensions(LayerProvider.class, w.getPluginId()))
                    for (LayerType t : p.layerTypes()) {
                        if (!layerNames.add(t.name())) throw taken("layer type", t.name());
                        mine.add(new Layers.Contributed(w.getPluginId(), t));
                    }
                List<Objectives.Contributed> theirs = new ArrayList<>();
                for (ObjectiveProvider p :
                        host.getExtensions(ObjectiveProvider.class, w.getPluginId()))
                    for (Objective o : p.objectives()) {
                        if (!objectiveIds.add(o.id())) throw taken("loss", o.id());
                        theirs.add(new Objectives.Contributed(w.getPluginId(), o));
                    }
                layers.addAll(mine);
                objectives.addAll(theirs);
            } catch (RuntimeException | LinkageError e) {
                // a clash or a failing provider fails this plugin, not every model command
                host.markFailed(w, e);
            }
        }
        for (PluginWrapper w : host.getPlugins()) {
            if (w.getPluginState() != PluginState.STARTED) hints(w);
        }
        try {
            Layers.useContributed(layers);
            Objectives.useContributed(objectives);
        } catch (IllegalArgumentException e) {
            throw new DlkitException(ExitCode.PLUGIN, e.getMessage());
        }
    }

    private static IllegalStateException taken(String what, String name) {
        return new IllegalStateException(
                "its "
                        + what
                        + " '"
                        + name
                        + "' is already taken (by dlkit or another plugin); rename it");
    }

    private static void hints(PluginWrapper w) {
        Path jar = w.getPluginPath();
        if (jar == null || !Files.isRegularFile(jar)) return;
        try (JarFile f = new JarFile(jar.toFile())) {
            var manifest = f.getManifest();
            String declared =
                    manifest == null
                            ? null
                            : manifest.getMainAttributes().getValue(LAYERS_ATTRIBUTE);
            if (declared == null) return;
            for (String type : declared.split(",")) {
                if (!type.isBlank()) Layers.hint(type.trim(), w.getPluginId());
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable jar is reported by dlkit plugins; it just gives no hint here
        }
    }
}
