package io.dlkit.plugins.cnnzoo.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top classes of one image, most probable first.
 *
 * @param image where the image came from: its path, or a pipeline reference
 * @param top the classes, at most top-k of them
 */
public record Prediction(String image, List<ClassScore> top) {
    /**
     * One class of a prediction.
     *
     * @param id the class id, the index of the model's output
     * @param name the class name from model.yaml's {@code class_names}, or the id as text
     * @param probability the model's output for the class
     */
    public record ClassScore(int id, String name, float probability) {}

    /** Copies the list. */
    public Prediction {
        top = List.copyOf(top);
    }

    /** The JSON form: {@code {image, top: [{class, id, probability}, ...]}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("image", image);
        m.put(
                "top",
                top.stream()
                        .map(
                                s -> {
                                    Map<String, Object> c = new LinkedHashMap<>();
                                    c.put("class", s.name());
                                    c.put("id", s.id());
                                    c.put("probability", s.probability());
                                    return c;
                                })
                        .toList());
        return m;
    }
}
