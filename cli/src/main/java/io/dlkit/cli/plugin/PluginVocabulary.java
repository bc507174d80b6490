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
import java.util.List;
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
        List<Layers.Contributed> layers = new ArrayList<>();
        List<Objectives.Contributed> objectives = new ArrayList<>();
        for (PluginWrapper w : new ArrayList<>(host.getStartedPlugins())) {
            try {
                for (LayerProvider p : host.getExtensions(LayerProvider.class, w.getPluginId()))
                    for (LayerType t : p.layerTypes())
                        layers.add(new Layers.Contributed(w.getPluginId(), t));
                for (ObjectiveProvider p :
                        host.getExtensions(ObjectiveProvider.class, w.getPluginId()))
                    for (Objective o : p.objectives())
                        objectives.add(new Objectives.Contributed(w.getPluginId(), o));
            } catch (RuntimeException | LinkageError e) {
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
