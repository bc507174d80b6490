package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.ArchitectureProvider;
import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.cli.plugin.PluginHost;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a model file into the model configuration every command builds from. Three forms: a bare
 * model ({@code input_shape}, {@code layers}), a model directory's model.yaml ({@code model:}
 * section), or a reference to a zoo architecture contributed by a plugin:
 *
 * <pre>
 * architecture: lenet5        # see dlkit zoo list
 * input_shape: [28, 28, 1]    # optional: the architecture's default
 * classes: 10                 # optional
 * include_top: true           # optional
 * </pre>
 */
@Singleton
public final class ModelFiles {
    private final PluginHost host;
    private Map<String, ArchitectureProvider> architectures;

    @Inject
    ModelFiles(PluginHost host) {
        this.host = host;
    }

    /** The model configuration of {@code file}. */
    Map<String, Object> read(Path file) {
        io.dlkit.cli.plugin.PluginVocabulary.ensure();
        return resolve(Yaml.read(file), file.toString());
    }

    /** The model configuration of a model file's content. */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> content, String source) {
        if (content.get("model") instanceof Map<?, ?> m) return (Map<String, Object>) m;
        if (!content.containsKey("architecture")) return content;
        String name = String.valueOf(content.get("architecture"));
        ArchitectureProvider p = provider(name, source);
        try {
            long[] shape =
                    content.get("input_shape") instanceof List<?> l
                            ? l.stream().mapToLong(v -> ((Number) v).longValue()).toArray()
                            : null;
            int classes = content.get("classes") instanceof Number n ? n.intValue() : 1000;
            boolean top = !Boolean.FALSE.equals(content.get("include_top"));
            return p.build(name, new ArchitectureSpec(shape, classes, top)).config();
        } catch (IllegalArgumentException | ClassCastException e) {
            throw DlkitException.invalidInput(
                    source + ": architecture " + name + ": " + e.getMessage());
        }
    }

    /** The architecture names plugins contribute, sorted. */
    synchronized List<String> architectures() {
        return List.copyOf(providers().keySet());
    }

    private synchronized ArchitectureProvider provider(String name, String source) {
        ArchitectureProvider p = providers().get(name);
        if (p == null) {
            throw DlkitException.invalidInput(
                    source
                            + ": unknown architecture '"
                            + name
                            + "'"
                            + Suggestions.didYouMean(name, providers().keySet())
                            + " (known: "
                            + (providers().isEmpty()
                                    ? "none: is the cnn-zoo plugin started? see dlkit plugins"
                                    : String.join(", ", providers().keySet()))
                            + ")");
        }
        return p;
    }

    private Map<String, ArchitectureProvider> providers() {
        if (architectures == null) {
            architectures = new TreeMap<>();
            for (ArchitectureProvider p : host.extensionsOf(ArchitectureProvider.class)) {
                for (String n : p.architectures()) architectures.putIfAbsent(n, p);
            }
        }
        return architectures;
    }
}
