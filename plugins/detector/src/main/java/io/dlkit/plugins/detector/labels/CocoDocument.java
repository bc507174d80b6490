package io.dlkit.plugins.detector.labels;

import com.fasterxml.jackson.databind.JsonNode;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the objects of a COCO file as they are read, checking each, then builds the set. */
final class CocoDocument {
    private record Image(long id, String file, int width, int height) {}

    private record Annotation(
            long imageId, int categoryId, BoundingBox pixels, boolean crowd, int line) {}

    final Path file;
    private final Map<Long, Image> images = new LinkedHashMap<>();
    private final TreeMap<Integer, String> categories = new TreeMap<>();
    private final List<Annotation> annotations = new ArrayList<>();

    CocoDocument(Path file) {
        this.file = file;
    }

    void addImage(JsonNode n, int line) {
        long id = integer(n, "id", line);
        String name = text(n, "file_name", line);
        int w = (int) integer(n, "width", line);
        int h = (int) integer(n, "height", line);
        if (w < 1 || h < 1) {
            throw LabelErrors.at(
                    file, line, "image " + id + " has size " + w + "x" + h, "sizes are >= 1");
        }
        images.put(id, new Image(id, name, w, h));
    }

    void addCategory(JsonNode n, int line) {
        categories.put((int) integer(n, "id", line), text(n, "name", line));
    }

    void addAnnotation(JsonNode n, int line) {
        long imageId = integer(n, "image_id", line);
        int category = (int) integer(n, "category_id", line);
        JsonNode bbox = n.get("bbox");
        if (bbox == null || !bbox.isArray() || bbox.size() != 4 || !allNumbers(bbox)) {
            throw LabelErrors.at(
                    file, line, "annotation bbox is not 4 numbers", "write bbox as [x, y, w, h]");
        }
        double x = bbox.get(0).asDouble();
        double y = bbox.get(1).asDouble();
        double w = bbox.get(2).asDouble();
        double h = bbox.get(3).asDouble();
        if (w < 0 || h < 0) {
            throw LabelErrors.at(
                    file, line, "annotation bbox has a negative size", "width and height >= 0");
        }
        BoundingBox b = new BoundingBox((float) x, (float) y, (float) (x + w), (float) (y + h));
        boolean crowd = n.path("iscrowd").asInt(0) == 1;
        annotations.add(new Annotation(imageId, category, b, crowd, line));
    }

    LabelSet toLabelSet() {
        List<Integer> ids = List.copyOf(categories.keySet());
        Map<Long, List<LabeledBox>> boxes = new LinkedHashMap<>();
        images.keySet().forEach(id -> boxes.put(id, new ArrayList<>()));
        for (Annotation a : annotations) {
            Image img = images.get(a.imageId);
            if (img == null) {
                throw LabelErrors.at(
                        file,
                        a.line,
                        "annotation of image_id " + a.imageId + " that no image has",
                        "add the image to 'images' or fix image_id");
            }
            int cls = ids.indexOf(a.categoryId);
            if (cls < 0) {
                throw LabelErrors.at(
                        file, a.line, "unknown category_id " + a.categoryId, "use one of " + ids);
            }
            BoundingBox norm = a.pixels.scale(1f / img.width, 1f / img.height);
            boxes.get(a.imageId).add(new LabeledBox(cls, norm, a.crowd));
        }
        List<LabeledImage> out = new ArrayList<>();
        for (Image i : images.values()) {
            out.add(new LabeledImage(i.id, i.file, i.width, i.height, boxes.get(i.id)));
        }
        return new LabelSet(List.copyOf(categories.values()), ids, out);
    }

    private long integer(JsonNode n, String field, int line) {
        JsonNode v = n.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw LabelErrors.at(
                    file, line, "'" + field + "' is missing or not a whole number", "add it");
        }
        return v.asLong();
    }

    private String text(JsonNode n, String field, int line) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw LabelErrors.at(
                    file, line, "'" + field + "' is missing or not a string", "add it");
        }
        return v.asText();
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode v : array) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
