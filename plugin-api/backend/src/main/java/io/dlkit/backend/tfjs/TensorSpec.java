package io.dlkit.backend.tfjs;

import java.util.Arrays;

/**
 * A named input or output of a graph model: the tensor name to feed or fetch ({@code
 * tower_0/images}, {@code TopKV2:1}), its element type ({@code DT_FLOAT}) and shape ({@code -1}
 * where a dimension is free, empty when unknown).
 */
public record TensorSpec(String name, String dtype, long[] shape) {
    @Override
    public boolean equals(Object o) {
        return o instanceof TensorSpec t
                && name.equals(t.name)
                && dtype.equals(t.dtype)
                && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** For example {@code tower_0/images DT_FLOAT [1, 512, 512, 3]}. */
    @Override
    public String toString() {
        return name + " " + dtype + " " + Arrays.toString(shape);
    }
}
