package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One tensor of a TF.js weights manifest: its name, shape, stored type and quantisation.
 *
 * <p>The bytes of a tensor are {@code storedType} values, little-endian; a quantised tensor ({@code
 * quantization.dtype} {@code uint8} or {@code uint16}) holds {@code q} and means {@code q * scale +
 * min}; {@code float16} quantisation holds IEEE half floats.
 *
 * @param name the tensor's name ({@code conv0/filters})
 * @param shape its shape
 * @param dtype the logical type: {@code float32}, {@code int32} or {@code bool}
 * @param quantization the stored type when quantised ({@code uint8}, {@code uint16}, {@code
 *     float16}), or {@code null}
 * @param scale the affine scale of uint8/uint16 quantisation
 * @param min the affine offset of uint8/uint16 quantisation
 */
public record WeightSpec(
        String name, long[] shape, String dtype, String quantization, double scale, double min) {

    /** Reads one entry of a manifest's {@code weights} list. */
    static WeightSpec of(Map<?, ?> entry, String source) {
        String name = text(entry, "name", source);
        String dtype = text(entry, "dtype", source);
        Object shapeValue = entry.get("shape");
        if (!(shapeValue instanceof List<?> dims)) {
            throw new DataFormatException(source + ": weight '" + name + "' has no shape list");
        }
        long[] shape = dims.stream().mapToLong(d -> ((Number) d).longValue()).toArray();
        String quant = null;
        double scale = 1;
        double min = 0;
        if (entry.get("quantization") instanceof Map<?, ?> q) {
            quant = text(q, "dtype", source);
            if (q.get("scale") instanceof Number s) scale = s.doubleValue();
            if (q.get("min") instanceof Number m) min = m.doubleValue();
        }
        WeightSpec spec = new WeightSpec(name, shape, dtype, quant, scale, min);
        spec.bytesPerElement(source); // rejects unknown types early
        return spec;
    }

    /** The number of elements. */
    public long elements() {
        long n = 1;
        for (long d : shape) n *= d;
        return n;
    }

    /** The size of one stored element in bytes. */
    int bytesPerElement(String source) {
        String stored = quantization != null ? quantization : dtype;
        return switch (stored) {
            case "float32", "int32" -> 4;
            case "float16", "uint16", "int16" -> 2;
            case "uint8", "int8", "bool" -> 1;
            default ->
                    throw new DataFormatException(
                            source
                                    + ": weight '"
                                    + name
                                    + "' has unsupported type '"
                                    + stored
                                    + "' (supported: float32, int32, bool, and float16/uint8/uint16"
                                    + " quantisation)");
        };
    }

    private static String text(Map<?, ?> m, String key, String source) {
        if (m.get(key) instanceof String s) return s;
        throw new DataFormatException(source + ": a weight entry has no '" + key + "' string");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightSpec w
                && name.equals(w.name)
                && Arrays.equals(shape, w.shape)
                && dtype.equals(w.dtype);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
