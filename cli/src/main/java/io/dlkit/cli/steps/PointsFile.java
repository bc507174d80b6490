package io.dlkit.cli.steps;

import static io.dlkit.cli.steps.JsonFiles.fail;
import static io.dlkit.cli.steps.JsonFiles.kind;

import com.fasterxml.jackson.databind.JsonNode;
import io.dlkit.backend.image.Point;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads landmarks from a JSON file: {@code [{"x": 31.5, "y": 40, "label": "left_eye"}]} in pixel
 * coordinates, {@code label} optional (or null), the form a run's results show {@code points}
 * outputs in. Every mistake is a one-line error naming the file and the point.
 */
final class PointsFile {
    private static final List<String> KEYS = List.of("x", "y", "label");

    private PointsFile() {}

    static List<Point> read(Path file) {
        JsonNode root = JsonFiles.parse(file);
        if (!root.isArray()) {
            throw fail(
                    file,
                    "expected a JSON list of points like [{\"x\": 31.5, \"y\": 40, \"label\":"
                            + " \"left_eye\"}], got a "
                            + kind(root));
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String where = "point [" + i + "]";
            JsonNode node = root.get(i);
            if (!node.isObject()) {
                throw fail(file, where + ": expected an object with x, y, got a " + kind(node));
            }
            JsonFiles.checkKeys(file, where, node, KEYS);
            float x = JsonFiles.number(file, where, node, "x", "pixel coordinates x, y");
            float y = JsonFiles.number(file, where, node, "y", "pixel coordinates x, y");
            String label = JsonFiles.optionalText(file, where, node, "label");
            try {
                points.add(new Point(x, y, label));
            } catch (IllegalArgumentException e) {
                throw fail(file, where + ": " + e.getMessage());
            }
        }
        return points;
    }
}
