package io.dlkit.backend.tfjs;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pretrained tensors by name, as a weights manifest holds them, for an architecture built in Java
 * that loads its weights by name and shape. Values are float32 after dequantisation.
 */
public final class NamedTensors {
    private final Map<String, NdArray> tensors;
    private final String source;

    /**
     * @param tensors the tensors by name, in storage order
     * @param source the file errors name
     */
    public NamedTensors(Map<String, NdArray> tensors, String source) {
        this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        this.source = requireNonNull(source, "source is null");
    }

    /**
     * The tensor {@code name}, which must have exactly {@code shape}.
     *
     * @throws DataFormatException naming the tensor and the shape expected when it is missing or
     *     has another shape
     */
    public NdArray require(String name, long... shape) {
        NdArray t = tensors.get(name);
        if (t == null) {
            throw new DataFormatException(
                    source
                            + ": no tensor '"
                            + name
                            + "' (expected shape "
                            + Arrays.toString(shape)
                            + "); is it the right weights file for this network?");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new DataFormatException(
                    source
                            + ": tensor '"
                            + name
                            + "' has shape "
                            + Arrays.toString(t.shape())
                            + " but the network expects "
                            + Arrays.toString(shape));
        }
        return t;
    }

    /** The tensor {@code name}, or {@code null}. */
    public NdArray get(String name) {
        return tensors.get(name);
    }

    /** The names, in storage order. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /** All tensors by name (unmodifiable). */
    public Map<String, NdArray> asMap() {
        return tensors;
    }

    /** The number of tensors. */
    public int size() {
        return tensors.size();
    }

    /** The total number of values across all tensors. */
    public long parameters() {
        return tensors.values().stream().mapToLong(NdArray::size).sum();
    }
}
