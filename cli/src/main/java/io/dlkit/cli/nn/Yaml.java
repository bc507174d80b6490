package io.dlkit.cli.nn;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dlkit.api.DlkitException;
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

    private Yaml() {}

    /**
     * Reads a YAML or JSON mapping; a missing or malformed file is a one-line invalid-input error.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) {
        Node root = PipelineLoader.loadDocument(file, "model file");
        if (!(root instanceof Node.MapNode)) {
            throw DlkitException.invalidInput(
                    file
                            + ":"
                            + root.position()
                            + ": a model file is a mapping (input_shape:, layers:), got "
                            + root.describe());
        }
        return (Map<String, Object>) plain(root.toPlain());
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

    /** The YAML text of a map. */
    static String write(Map<String, Object> map) {
        try {
            return YAML.writeValueAsString(map);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
