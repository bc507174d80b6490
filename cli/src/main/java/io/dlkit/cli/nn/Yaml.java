package io.dlkit.cli.nn;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/** Reads model files (YAML or JSON) into maps and writes maps as YAML. */
final class Yaml {
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    /**
     * Reads a YAML or JSON mapping; a missing or malformed file is a one-line invalid-input error.
     */
    static Map<String, Object> read(Path file) {
        if (Files.isDirectory(file)) {
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
            ObjectMapper m = file.toString().endsWith(".json") ? JSON : YAML;
            Map<String, Object> map =
                    m.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
            if (map == null)
                throw DlkitException.invalidInput(file + ": is empty; expected a model file");
            return map;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (JacksonException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw DlkitException.invalidInput(file + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
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
