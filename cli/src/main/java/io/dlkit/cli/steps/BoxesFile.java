package io.dlkit.cli.steps;

import static io.dlkit.cli.steps.JsonFiles.fail;
import static io.dlkit.cli.steps.JsonFiles.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.dlkit.backend.image.Box;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads boxes from a JSON file in pixel coordinates, in either of two forms:
 *
 * <ul>
 *   <li>a list: {@code [{"x1": 10, "y1": 20, "x2": 110, "y2": 220, "label": "dog", "score":
 *       0.93}]}, {@code label} and {@code score} optional;
 *   <li>a detections document, as {@code boxes/save} writes it: {@code {"width": 640, "height":
 *       480, "detections": [{"class_id": 16, "class": "dog", "score": 0.93, "box": {"x1": 10, "y1":
 *       20, "x2": 110, "y2": 220}}]}}, {@code class_id}, {@code class} and {@code score} optional
 *       or null.
 * </ul>
 *
 * Every mistake is a one-line error naming the file and the box.
 */
final class BoxesFile {
    private static final List<String> KEYS = List.of("x1", "y1", "x2", "y2", "label", "score");
    private static final List<String> DOCUMENT_KEYS = List.of("width", "height", "detections");
    private static final List<String> DETECTION_KEYS = List.of("class_id", "class", "score", "box");
    private static final List<String> CORNERS = List.of("x1", "y1", "x2", "y2");
    private static final String HINT = "pixel coordinates x1, y1, x2, y2";

    private BoxesFile() {}

    static List<Box> read(Path file) {
        JsonNode root = JsonFiles.parse(file);
        if (root.isObject() && root.has("detections")) {
            return detections(file, root);
        } else if (!root.isArray()) {
            throw fail(
                    file,
                    "expected a JSON list of boxes like [{\"x1\": 10, \"y1\": 20, \"x2\": 110,"
                            + " \"y2\": 220, \"label\": \"dog\", \"score\": 0.93}] or a document"
                            + " {\"width\": W, \"height\": H, \"detections\": [...]}, got a "
                            + kind(root));
        }
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "box [" + i + "]";
            JsonNode node = object(file, where, root.get(i), "x1, y1, x2, y2");
            JsonFiles.checkKeys(file, where, node, KEYS);
            boxes.add(
                    box(
                            file,
                            where,
                            node,
                            JsonFiles.optionalText(file, where, node, "label"),
                            score(file, where, node),
                            -1));
        }
        return boxes;
    }

    private static List<Box> detections(Path file, JsonNode root) {
        JsonFiles.checkKeys(file, "the document", root, DOCUMENT_KEYS);
        JsonNode list = root.get("detections");
        if (!list.isArray()) {
            throw fail(file, "detections must be a list, got a " + kind(list));
        }
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = "detections [" + i + "]";
            JsonNode node = object(file, where, list.get(i), "class_id, class, score, box");
            JsonFiles.checkKeys(file, where, node, DETECTION_KEYS);
            String boxWhere = where + ".box";
            JsonNode corners = node.get("box");
            if (corners == null) {
                throw fail(
                        file,
                        where + ": missing \"box\" ({\"x1\":..,\"y1\":..,\"x2\":..,\"y2\":..})");
            }
            corners = object(file, boxWhere, corners, "x1, y1, x2, y2");
            JsonFiles.checkKeys(file, boxWhere, corners, CORNERS);
            boxes.add(
                    box(
                            file,
                            boxWhere,
                            corners,
                            JsonFiles.optionalText(file, where, node, "class"),
                            score(file, where, node),
                            classId(file, where, node)));
        }
        return boxes;
    }

    private static JsonNode object(Path file, String where, JsonNode node, String keys) {
        if (!node.isObject()) {
            throw fail(file, where + ": expected an object with " + keys + ", got a " + kind(node));
        }
        return node;
    }

    private static Box box(
            Path file, String where, JsonNode corners, String label, float score, int classId) {
        float x1 = JsonFiles.number(file, where, corners, "x1", HINT);
        float y1 = JsonFiles.number(file, where, corners, "y1", HINT);
        float x2 = JsonFiles.number(file, where, corners, "x2", HINT);
        float y2 = JsonFiles.number(file, where, corners, "y2", HINT);
        try {
            return new Box(x1, y1, x2, y2, label, score, classId);
        } catch (IllegalArgumentException e) {
            throw fail(file, where + ": " + e.getMessage());
        }
    }

    private static float score(Path file, String where, JsonNode node) {
        JsonNode score = node.path("score");
        if (score.isMissingNode() || score.isNull()) {
            return Float.NaN;
        } else if (!score.isNumber()) {
            throw fail(file, where + ": score must be a number, got a " + kind(score));
        }
        return score.floatValue();
    }

    private static int classId(Path file, String where, JsonNode node) {
        JsonNode id = node.path("class_id");
        if (id.isMissingNode() || id.isNull()) {
            return -1;
        } else if (!id.canConvertToInt() || !id.isIntegralNumber() || id.intValue() < 0) {
            throw fail(file, where + ": class_id must be a whole number >= 0, got " + id);
        }
        return id.intValue();
    }
}
