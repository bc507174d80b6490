package io.dlkit.cli.nn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import io.dlkit.cli.pipeline.Node;
import io.dlkit.cli.pipeline.PipelineLoader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads model files (YAML or JSON) into maps with the pipeline reader's checks and {@code
 * FILE:LINE:COL: message} errors (no library text, no aliases, a size bound), and writes maps as
 * YAML.
 */
final class Yaml {
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** The trees of the last files read, by path, so later checks can name line and column. */
    private static final Map<String, Node> TREES =
            java.util.Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, Node> eldest) {
                            return size() > 8;
                        }
                    });

    private static final java.util.regex.Pattern FIELD_PATH =
            java.util.regex.Pattern.compile(
                    "^([a-z_][a-z0-9_]*(\\[\\d+])?(\\.[a-z_][a-z0-9_]*(\\[\\d+])?)*): ");

    private Yaml() {}

    /**
     * {@code FILE:LINE:COL: message} when {@code message} starts with a field path ({@code
     * layers[1].keep_prob: ...}) found in the file last read from {@code source} (directly or under
     * {@code model:}); {@code FILE: message} otherwise.
     */
    static String where(String source, String message) {
        var m = FIELD_PATH.matcher(message);
        Node root = TREES.get(source);
        if (m.find() && root != null) {
            Node at = locate(root, m.group(1));
            if (at == root && root instanceof Node.MapNode map && map.get("model").isPresent()) {
                at = locate(map.get("model").get(), m.group(1));
            }
            if (at != root) return source + ":" + at.position() + ": " + message;
        }
        return source + ": " + message;
    }

    /** The deepest node on {@code path} ({@code layers[1].units}); the root when none is. */
    private static Node locate(Node root, String path) {
        Node at = root;
        for (String part : path.split("\\.")) {
            String key = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!(at instanceof Node.MapNode map) || map.get(key).isEmpty()) return at;
            at = map.get(key).get();
            if (part.contains("[")) {
                int i = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                if (!(at instanceof Node.ListNode list) || i >= list.items().size()) return at;
                at = list.items().get(i);
            }
        }
        return at;
    }

    /**
     * Reads a YAML or JSON mapping; a missing or malformed file is a one-line invalid-input error.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        requireRegularFile(file);
        Node root = PipelineLoader.loadDocument(file, "model file");
        if (!(root instanceof Node.MapNode)) {
            throw DlkitException.invalidInput(
                    file
                            + ":"
                            + root.position()
                            + ": a model file is a mapping (input_shape:, layers:), got "
                            + root.describe());
        }
        TREES.put(file.toString(), root);
        return (Map<String, Object>) plain(root.toPlain());
    }

    /** The hostile-input checks every reader shares: no directories, FIFOs, devices, loops. */
    private static void requireRegularFile(Path file) {
        if (java.nio.file.Files.isDirectory(file)) {
            throw DlkitException.invalidInput(
                    file + ": is a directory; give a model file (.yaml or .json)");
        }
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(file);
        if (kind != io.dlkit.api.FileKind.FILE && kind != io.dlkit.api.FileKind.MISSING) {
            // Before opening it: a FIFO would wait for a writer forever, /dev/zero never ends.
            throw DlkitException.invalidInput(
                    file + ": is " + kind.description() + ", not a model file");
        }
        try {
            InputFiles.requireRegularFile(file, "a model file (.yaml or .json)");
        } catch (java.nio.file.NoSuchFileException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** Integers as Integer when they fit (as Jackson binds them), so values compare as written. */
    private static Object plain(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(plain(x)));
            return out;
        }
        if (v instanceof Long n && n == n.intValue()) return n.intValue();
        if (v instanceof BigDecimal d) return d.doubleValue();
        return v;
    }

    /** The map {@link #write} wrote (integers as Integer when they fit, as {@link #read}). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String text) {
        try {
            Object o = YAML.readValue(text, Object.class);
            return o instanceof Map<?, ?> ? (Map<String, Object>) plain(o) : new LinkedHashMap<>();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The YAML text of a map. */
    static String write(Map<String, Object> map) {
        try {
            return YAML.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
