package io.dlkit.cli.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.text.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads boxes from a JSON file: {@code [{"x1": 10, "y1": 20, "x2": 110, "y2": 220, "label": "dog",
 * "score": 0.93}]} in pixel coordinates; {@code label} and {@code score} are optional. Every
 * mistake is a one-line error naming the file and the box.
 */
final class BoxesFile {
    static final long MAX_BYTES = 16L << 20;
    private static final List<String> KEYS = List.of("x1", "y1", "x2", "y2", "label", "score");
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoxesFile() {}

    static List<Box> read(Path file) {
        JsonNode root = parse(file);
        if (!root.isArray()) {
            throw fail(
                    file,
                    "expected a JSON list of boxes like [{\"x1\": 10, \"y1\": 20, \"x2\": 110,"
                            + " \"y2\": 220, \"label\": \"dog\", \"score\": 0.93}], got a "
                            + kind(root));
        }
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            boxes.add(box(file, "box [" + i + "]", root.get(i)));
        }
        return boxes;
    }

    private static JsonNode parse(Path file) {
        try {
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
        } catch (IOException e) {
            throw StepErrors.readFailure(file, e);
        }
    }

    private static Box box(Path file, String where, JsonNode node) {
        if (!node.isObject()) {
            throw fail(
                    file, where + ": expected an object with x1, y1, x2, y2, got a " + kind(node));
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                throw fail(
                        file,
                        where
                                + ": unknown key '"
                                + key
                                + "'"
                                + Suggestions.didYouMean(key, KEYS)
                                + " (known: "
                                + String.join(", ", KEYS)
                                + ")");
            }
        }
        float x1 = coordinate(file, where, node, "x1");
        float y1 = coordinate(file, where, node, "y1");
        float x2 = coordinate(file, where, node, "x2");
        float y2 = coordinate(file, where, node, "y2");
        JsonNode label = node.path("label");
        if (!label.isMissingNode() && !label.isTextual()) {
            throw fail(file, where + ": label must be a string, got a " + kind(label));
        }
        JsonNode score = node.path("score");
        if (!score.isMissingNode() && !score.isNumber()) {
            throw fail(file, where + ": score must be a number, got a " + kind(score));
        }
        try {
            return new Box(
                    x1,
                    y1,
                    x2,
                    y2,
                    label.asText(""),
                    score.isMissingNode() ? Float.NaN : score.floatValue());
        } catch (IllegalArgumentException e) {
            throw fail(file, where + ": " + e.getMessage());
        }
    }

    private static float coordinate(Path file, String where, JsonNode box, String key) {
        JsonNode value = box.get(key);
        if (value == null) {
            throw fail(
                    file, where + ": missing \"" + key + "\" (pixel coordinates x1, y1, x2, y2)");
        } else if (!value.isNumber()) {
            throw fail(file, where + ": " + key + " must be a number, got a " + kind(value));
        }
        return value.floatValue();
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static DlkitException fail(Path file, String message) {
        return DlkitException.invalidInput(file + ": " + message);
    }
}
