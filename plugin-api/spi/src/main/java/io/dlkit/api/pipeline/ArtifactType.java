package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * The type of a value passed between pipeline steps. Types are compared by name, so a plugin can
 * define its own ({@code new ArtifactType("face/embeddings")}); {@link #ANY} accepts everything.
 *
 * <p>Each constant says which Java value a step must return for it and a consumer may cast to. The
 * outputs of type {@link #JSON}, {@link #TEXT}, {@link #POINTS}, {@link #EMBEDDINGS} and {@link
 * #BOXES} also appear in the run's results ({@code dlkit run --format json} prints them under
 * {@code results} as {@code "step_id.output"}, and {@code manifest.json} records them), in the JSON
 * form {@link ArtifactJson} gives and each constant shows.
 *
 * @param name the type's name, as shown in validation errors
 */
public record ArtifactType(String name) {
    /** An {@link io.dlkit.backend.image.Image}. */
    public static final ArtifactType IMAGE = new ArtifactType("image");

    /**
     * A {@code List<io.dlkit.backend.image.Box>} in pixel coordinates of the image they belong to.
     * In results: {@code [{"class_id": 16, "class": "cat", "score": 0.93, "box": {"x1": 10, "y1":
     * 20, "x2": 110, "y2": 220}}]} ({@code null} for an unknown class id, class or score); the
     * {@code boxes/save} step writes the same list as {@code {"width": W, "height": H,
     * "detections": [...]}}.
     */
    public static final ArtifactType BOXES = new ArtifactType("boxes");

    /**
     * Landmarks: a {@code List<io.dlkit.backend.image.Point>}, the points of one image in its pixel
     * coordinates (x to the right, y down), each with an optional label ({@code "left_eye"}; empty
     * for none). Several faces' landmarks are one list, told apart by their labels. In results:
     * {@code [{"x": 31.5, "y": 40, "label": "left_eye"}]} ({@code "label": null} when empty).
     */
    public static final ArtifactType POINTS = new ArtifactType("points");

    /**
     * Vectors with ids: an {@link Embeddings} (one vector of the same dimension per id, such as a
     * face crop's 128-d encoding or a word's vector). In results: {@code {"dimension": 3, "count":
     * 2, "items": [{"id": "anna", "vector": [0.1, 0.2, 0.3]}, ...]}}.
     */
    public static final ArtifactType EMBEDDINGS = new ArtifactType("embeddings");

    /** A {@link String}, such as generated or recognised text. In results: the string itself. */
    public static final ArtifactType TEXT = new ArtifactType("text");

    /** A {@link java.nio.file.Path} to a file. */
    public static final ArtifactType FILE = new ArtifactType("file");

    /** A {@link io.dlkit.backend.io.NdArray}. */
    public static final ArtifactType ARRAY = new ArtifactType("array");

    /** A {@link java.nio.file.Path} to a model directory. */
    public static final ArtifactType MODEL = new ArtifactType("model");

    /** A JSON-like value: maps, lists, strings and numbers. */
    public static final ArtifactType JSON = new ArtifactType("json");

    /** Accepts a value of any type. */
    public static final ArtifactType ANY = new ArtifactType("any");

    /** Creates a type; the name must be non-empty. */
    public ArtifactType {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("artifact type name is blank");
        }
    }

    /** Whether a value of type {@code produced} may be passed where this type is expected. */
    public boolean accepts(ArtifactType produced) {
        return this.equals(ANY) || produced.equals(ANY) || this.equals(produced);
    }

    @Override
    public String toString() {
        return name;
    }
}
