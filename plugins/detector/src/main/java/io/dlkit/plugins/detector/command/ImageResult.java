package io.dlkit.plugins.detector.command;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The detections of one image, in its pixels, and their printed forms: table rows, the JSON line
 * ({@code {file, width, height, detections: [{class_id, class, score, box: {x1, y1, x2, y2},
 * box_norm: {cx, cy, w, h}}]}}) and YOLO label lines ({@code class cx cy w h}, normalised).
 */
record ImageResult(
        Path file, int width, int height, List<Detection> detections, List<String> names) {

    String className(int classId) {
        return classId < names.size() ? names.get(classId) : String.valueOf(classId);
    }

    /** The JSON line's object. */
    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("width", width);
        m.put("height", height);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Detection d : detections) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("class_id", d.classId());
            o.put("class", className(d.classId()));
            o.put("score", round(d.score(), 4));
            BoundingBox b = d.box();
            o.put("box", corners(b));
            o.put("box_norm", norm(b));
            list.add(o);
        }
        m.put("detections", list);
        return m;
    }

    private static Map<String, Object> corners(BoundingBox b) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("x1", round(b.x1(), 2));
        c.put("y1", round(b.y1(), 2));
        c.put("x2", round(b.x2(), 2));
        c.put("y2", round(b.y2(), 2));
        return c;
    }

    private Map<String, Object> norm(BoundingBox b) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("cx", round(b.centerX() / width, 6));
        n.put("cy", round(b.centerY() / height, 6));
        n.put("w", round(b.width() / width, 6));
        n.put("h", round(b.height() / height, 6));
        return n;
    }

    /** The table: a header line for the image, then one row per detection. */
    List<String> tableLines() {
        List<String> lines = new ArrayList<>();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "%s (%dx%d): %d object%s",
                        file,
                        width,
                        height,
                        detections.size(),
                        detections.size() == 1 ? "" : "s"));
        for (Detection d : detections) {
            BoundingBox b = d.box();
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "  %-14s %5.2f  x1=%-5.0f y1=%-5.0f x2=%-5.0f y2=%.0f",
                            className(d.classId()),
                            d.score(),
                            b.x1(),
                            b.y1(),
                            b.x2(),
                            b.y2()));
        }
        return lines;
    }

    /** The YOLO label file's text. */
    String yoloLabels() {
        StringBuilder sb = new StringBuilder();
        for (Detection d : detections) {
            BoundingBox b = d.box();
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%d %.6f %.6f %.6f %.6f%n",
                            d.classId(),
                            b.centerX() / width,
                            b.centerY() / height,
                            b.width() / width,
                            b.height() / height));
        }
        return sb.toString();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
