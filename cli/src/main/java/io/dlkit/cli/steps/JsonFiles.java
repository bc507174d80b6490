package io.dlkit.cli.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import io.dlkit.backend.text.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What the readers of small JSON input files (boxes, points) share: parsing and one-line errors.
 */
final class JsonFiles {
    static final long MAX_BYTES = 16L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFiles() {}

    /** The file's JSON tree; a file over 16 MiB, unreadable or not JSON is a one-line error. */
    static JsonNode parse(Path file) {
        try {
            InputFiles.requireRegularFile(file, "a JSON file");
            if (Files.size(file) > MAX_BYTES) {
                throw fail(file, "over 16 MiB; is it the right file?");
            }
            return JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw fail(
                    file,
                    "not valid JSON at line "
                            + e.getLocation().getLineNr()
                            + ", column "
                            + e.getLocation().getColumnNr()
                            + ": "
                            + StepErrors.oneLine(e.getOriginalMessage()));
        } catch (IOException | DataFormatException e) {
            throw StepErrors.readFailure(file, e);
        }
    }

    /** Refuses any key of {@code node} not in {@code keys}, with "did you mean". */
    static void checkKeys(Path file, String where, JsonNode node, List<String> keys) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw fail(
                        file,
                        where
                                + ": unknown key '"
                                + key
                                + "'"
                                + Suggestions.didYouMean(key, keys)
                                + " (known: "
                                + String.join(", ", keys)
                                + ")");
            }
        }
    }

    /** A required number under {@code key}. */
    static float number(Path file, String where, JsonNode node, String key, String hint) {
        JsonNode value = node.get(key);
        if (value == null) {
            throw fail(file, where + ": missing \"" + key + "\" (" + hint + ")");
        } else if (!value.isNumber()) {
            throw fail(file, where + ": " + key + " must be a number, got a " + kind(value));
        }
        return value.floatValue();
    }

    /** An optional string under {@code key}; empty when absent or null. */
    static String optionalText(Path file, String where, JsonNode node, String key) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        } else if (!value.isTextual()) {
            throw fail(file, where + ": " + key + " must be a string, got a " + kind(value));
        }
        return value.asText();
    }

    /** "list", "object", "string"...: how a JSON value is named in messages. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** An invalid-input error (exit 2) naming the file. */
    static DlkitException fail(Path file, String message) {
        return DlkitException.invalidInput(file + ": " + message);
    }
}
