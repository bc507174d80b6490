package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Point;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of artifacts, as plain maps, lists, strings and numbers (any JSON library writes
 * them): how a run's results show {@link ArtifactType#POINTS}, {@link ArtifactType#EMBEDDINGS},
 * {@link ArtifactType#TEXT} and {@link ArtifactType#BOXES} outputs, and what a plugin command
 * should print with {@code --format json} so that a command and its step agree. Maps keep their key
 * order; an empty label, a NaN score or an unknown class id becomes {@code null}.
 */
public final class ArtifactJson {
    private ArtifactJson() {}

    /**
     * The JSON form of an output of type {@code type} for the run's results, or empty for types
     * that have none there (images, files, arrays, models, and plugin-defined types).
     *
     * @throws IllegalArgumentException if {@code value} is not the Java type {@code type} documents
     */
    public static Optional<Object> of(ArtifactType type, Object value) {
        requireNonNull(type, "type is null");
        try {
            return convert(type, value);
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(
                    "an output of type "
                            + type
                            + " holds a "
                            + value.getClass().getName()
                            + " that is not what ArtifactType."
                            + type.name().toUpperCase(java.util.Locale.ROOT)
                            + " documents",
                    e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> convert(ArtifactType type, Object value) {
        if (value == null) {
            return Optional.empty();
        } else if (type.equals(ArtifactType.JSON)) {
            return Optional.of(value);
        } else if (type.equals(ArtifactType.TEXT)) {
            return Optional.of((String) value);
        } else if (type.equals(ArtifactType.POINTS)) {
            return Optional.of(points((List<Point>) value));
        } else if (type.equals(ArtifactType.EMBEDDINGS)) {
            return Optional.of(embeddings((Embeddings) value));
        } else if (type.equals(ArtifactType.BOXES)) {
            return Optional.of(boxes((List<Box>) value));
        }
        return Optional.empty();
    }

    /** {@code [{"x": 31.5, "y": 40.0, "label": "left_eye"}, ...]}. */
    public static List<Map<String, Object>> points(List<Point> points) {
        requireNonNull(points, "points is null");
        List<Map<String, Object>> out = new ArrayList<>(points.size());
        for (Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", p.x());
            m.put("y", p.y());
            m.put("label", p.label().isEmpty() ? null : p.label());
            out.add(m);
        }
        return out;
    }

    /** {@code {"dimension": 3, "count": 2, "items": [{"id": "anna", "vector": [...]}, ...]}}. */
    public static Map<String, Object> embeddings(Embeddings embeddings) {
        requireNonNull(embeddings, "embeddings is null");
        List<Map<String, Object>> items = new ArrayList<>(embeddings.count());
        for (int i = 0; i < embeddings.count(); i++) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", embeddings.ids().get(i));
            List<Float> vector = new ArrayList<>(embeddings.dimension());
            for (float v : embeddings.vector(i)) {
                vector.add(v);
            }
            item.put("vector", vector);
            items.add(item);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dimension", embeddings.dimension());
        m.put("count", embeddings.count());
        m.put("items", items);
        return m;
    }

    /**
     * {@code [{"class_id": 16, "class": "cat", "score": 0.93, "box": {"x1": 10.0, "y1": 20.0, "x2":
     * 110.0, "y2": 220.0}}, ...]}.
     */
    public static List<Map<String, Object>> boxes(List<Box> boxes) {
        requireNonNull(boxes, "boxes is null");
        List<Map<String, Object>> out = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            Map<String, Object> corners = new LinkedHashMap<>();
            corners.put("x1", b.x1());
            corners.put("y1", b.y1());
            corners.put("x2", b.x2());
            corners.put("y2", b.y2());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("class_id", b.classId() < 0 ? null : b.classId());
            m.put("class", b.label().isEmpty() ? null : b.label());
            m.put("score", Float.isNaN(b.score()) ? null : b.score());
            m.put("box", corners);
            out.add(m);
        }
        return out;
    }

    /**
     * The detections document of one image, as {@code boxes/save} writes it: {@code {"width": 640,
     * "height": 480, "detections": [...]}} with the entries of {@link #boxes(List)}.
     */
    public static Map<String, Object> detections(List<Box> boxes, int width, int height) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", width);
        m.put("height", height);
        m.put("detections", boxes(boxes));
        return m;
    }
}
