package io.dlkit.api.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The value of an {@link ArtifactType#EMBEDDINGS} artifact: {@code count} vectors of one {@code
 * dimension}, each with a unique id (a face's name, a word, a file name). Stored as one flat
 * row-major {@code float[]}, vector {@code i} at {@code [i * dimension, (i + 1) * dimension)}, so
 * it feeds a tensor of shape {@code [count, dimension]} without copying element by element.
 * Immutable: the factories copy their input and the accessors return copies.
 *
 * <pre>{@code
 * Embeddings e = Embeddings.of(List.of("anna", "ben"), new float[][] {{0.1f, 0.2f}, {0.3f, 0.4f}});
 * float[] anna = e.vector("anna");
 * }</pre>
 */
public final class Embeddings {
    private final List<String> ids;
    private final int dimension;
    private final float[] values;

    private Embeddings(List<String> ids, int dimension, float[] values) {
        this.ids = ids;
        this.dimension = dimension;
        this.values = values;
    }

    /**
     * Embeddings from one vector per id.
     *
     * @throws IllegalArgumentException if the counts differ, an id is blank or repeated, vectors
     *     differ in length, have length 0, or hold a value that is not finite
     */
    public static Embeddings of(List<String> ids, float[][] vectors) {
        requireNonNull(vectors, "vectors is null");
        int dimension = vectors.length == 0 ? 0 : vectors[0].length;
        float[] flat = new float[vectors.length * dimension];
        for (int i = 0; i < vectors.length; i++) {
            requireNonNull(vectors[i], "vector " + i + " is null");
            if (vectors[i].length != dimension) {
                throw new IllegalArgumentException(
                        "vector "
                                + i
                                + " has "
                                + vectors[i].length
                                + " values but vector 0 has "
                                + dimension
                                + "; all embeddings need the same dimension");
            }
            System.arraycopy(vectors[i], 0, flat, i * dimension, dimension);
        }
        return ofFlat(ids, dimension, flat);
    }

    /**
     * Embeddings from a flat row-major array of {@code ids.size() * dimension} values.
     *
     * @throws IllegalArgumentException as {@link #of(List, float[][])}, or if the length is not
     *     {@code ids.size() * dimension}
     */
    public static Embeddings ofFlat(List<String> ids, int dimension, float[] values) {
        requireNonNull(ids, "ids is null");
        requireNonNull(values, "values is null");
        checkIds(ids);
        if (dimension < 1 && !ids.isEmpty()) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if ((long) ids.size() * dimension != values.length) {
            throw new IllegalArgumentException(
                    ids.size()
                            + " ids of dimension "
                            + dimension
                            + " need "
                            + (long) ids.size() * dimension
                            + " values, got "
                            + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        "embedding of '"
                                + ids.get(i / dimension)
                                + "' holds "
                                + values[i]
                                + " at index "
                                + i % dimension
                                + "; every value must be finite");
            }
        }
        return new Embeddings(List.copyOf(ids), Math.max(dimension, 0), values.clone());
    }

    private static void checkIds(List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            requireNonNull(id, "an id is null");
            if (id.isBlank()) {
                throw new IllegalArgumentException("embedding ids must not be blank");
            } else if (!seen.add(id)) {
                throw new IllegalArgumentException("embedding id '" + id + "' appears twice");
            }
        }
    }

    /** The ids, in order. */
    public List<String> ids() {
        return ids;
    }

    /** The number of vectors. */
    public int count() {
        return ids.size();
    }

    /** The length of every vector (0 when there are none). */
    public int dimension() {
        return dimension;
    }

    /** A copy of vector {@code index}. */
    public float[] vector(int index) {
        if (index < 0 || index >= ids.size()) {
            throw new IndexOutOfBoundsException(
                    "vector " + index + " of " + ids.size() + " embeddings");
        }
        return Arrays.copyOfRange(values, index * dimension, (index + 1) * dimension);
    }

    /**
     * A copy of the vector with this id.
     *
     * @throws IllegalArgumentException if no vector has that id
     */
    public float[] vector(String id) {
        int index = ids.indexOf(id);
        if (index < 0) {
            throw new IllegalArgumentException("no embedding with id '" + id + "'");
        }
        return vector(index);
    }

    /** A copy of all values, row-major {@code [count, dimension]}. */
    public float[] values() {
        return values.clone();
    }

    /** For example {@code Embeddings[2 x 128]}. */
    @Override
    public String toString() {
        return "Embeddings[" + count() + " x " + dimension + "]";
    }
}
