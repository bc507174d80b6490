package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * The type of a value passed between pipeline steps. Types are compared by name, so a plugin can
 * define its own ({@code new ArtifactType("face/embeddings")}); {@link #ANY} accepts everything.
 *
 * @param name the type's name, as shown in validation errors
 */
public record ArtifactType(String name) {
    /** An {@link io.dlkit.backend.image.Image}. */
    public static final ArtifactType IMAGE = new ArtifactType("image");

    /** A {@code List<io.dlkit.backend.image.Box>} in pixel coordinates. */
    public static final ArtifactType BOXES = new ArtifactType("boxes");

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
