package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns the little-endian bytes of one manifest tensor into an {@link NdArray}: float32 as it is,
 * float16 widened to float32, uint8/uint16 dequantised to {@code q * scale + min} (float32), int32
 * as int32, bool as bool.
 */
final class WeightDecoder {
    private WeightDecoder() {}

    /** Decodes {@code spec} from {@code bytes} starting at the buffer's position, advancing it. */
    static NdArray decode(WeightSpec spec, ByteBuffer bytes, String source) {
        int n = Math.toIntExact(spec.elements());
        ByteBuffer in = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
        int length = n * spec.bytesPerElement(source);
        if (in.remaining() < length) {
            throw new DataFormatException(
                    source
                            + ": the weight files end inside '"
                            + spec.name()
                            + "' (needs "
                            + length
                            + " bytes, "
                            + in.remaining()
                            + " left); the .bin files are truncated or do not belong to"
                            + " this manifest");
        }
        bytes.position(bytes.position() + length);
        return switch (spec.dtype()) {
            case "int32" -> NdArray.of(ints(in, n), spec.shape());
            case "bool" -> NdArray.of(bools(in, n), spec.shape());
            default -> NdArray.of(floats(spec, in, n, source), spec.shape());
        };
    }

    private static float[] floats(WeightSpec spec, ByteBuffer in, int n, String source) {
        float[] out = new float[n];
        String q = spec.quantization() == null ? "float32" : spec.quantization();
        // in double, then rounded once, as tfjs does (Float32Array of q * scale + min)
        double scale = spec.scale();
        double min = spec.min();
        switch (q) {
            case "float32" -> in.asFloatBuffer().get(out);
            case "float16" -> {
                for (int i = 0; i < n; i++) out[i] = halfToFloat(in.getShort());
            }
            case "uint8" -> {
                for (int i = 0; i < n; i++) out[i] = (float) ((in.get() & 0xFF) * scale + min);
            }
            case "uint16" -> {
                for (int i = 0; i < n; i++)
                    out[i] = (float) ((in.getShort() & 0xFFFF) * scale + min);
            }
            default ->
                    throw new DataFormatException(
                            source
                                    + ": weight '"
                                    + spec.name()
                                    + "' has unsupported quantisation "
                                    + q);
        }
        return out;
    }

    private static int[] ints(ByteBuffer in, int n) {
        int[] out = new int[n];
        in.asIntBuffer().get(out);
        return out;
    }

    private static boolean[] bools(ByteBuffer in, int n) {
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) out[i] = in.get() != 0;
        return out;
    }

    /** IEEE 754 binary16 to float32 (Float.float16ToFloat arrived only in Java 20). */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h >>> 15) << 31;
        int exp = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exp == 0) {
            // zero or subnormal: mantissa * 2^-24
            float v = mantissa * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mantissa << 13));
    }
}
