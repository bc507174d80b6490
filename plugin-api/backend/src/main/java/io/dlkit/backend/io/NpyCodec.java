package io.dlkit.backend.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Converts between the raw data block of a {@code .npy} file and an {@link NdArray}. */
final class NpyCodec {
    private static final int CHUNK_BYTES = 1 << 16;

    private NpyCodec() {}

    /** Decodes {@code raw}, which holds exactly the data the header describes. */
    static NdArray decode(byte[] raw, NpyHeader h) {
        ByteBuffer bb = ByteBuffer.wrap(raw).order(h.order);
        int n = raw.length / h.dtype.byteSize();
        switch (h.dtype) {
            case FLOAT32 -> {
                float[] out = new float[n];
                bb.asFloatBuffer().get(out);
                return NdArray.of(out, h.shape);
            }
            case FLOAT64 -> {
                double[] out = new double[n];
                bb.asDoubleBuffer().get(out);
                return NdArray.of(out, h.shape);
            }
            case INT32 -> {
                int[] out = new int[n];
                bb.asIntBuffer().get(out);
                return NdArray.of(out, h.shape);
            }
            case INT64 -> {
                long[] out = new long[n];
                bb.asLongBuffer().get(out);
                return NdArray.of(out, h.shape);
            }
            case UINT8 -> {
                return NdArray.of(raw, h.shape);
            }
            default -> {
                return NdArray.of(toBooleans(raw), h.shape);
            }
        }
    }

    /** Writes the values little-endian, a chunk at a time so no second full-size copy is made. */
    static void encode(NdArray a, OutputStream out) throws IOException {
        int elementBytes = a.dtype().byteSize();
        int step = CHUNK_BYTES / elementBytes;
        ByteBuffer bb = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int off = 0; off < a.size(); off += step) {
            int len = Math.min(step, a.size() - off);
            bb.clear();
            put(a.dtype(), a.data(), off, len, bb);
            out.write(bb.array(), 0, len * elementBytes);
        }
    }

    private static void put(DType t, Object data, int off, int len, ByteBuffer bb) {
        switch (t) {
            case FLOAT32 -> bb.asFloatBuffer().put((float[]) data, off, len);
            case FLOAT64 -> bb.asDoubleBuffer().put((double[]) data, off, len);
            case INT32 -> bb.asIntBuffer().put((int[]) data, off, len);
            case INT64 -> bb.asLongBuffer().put((long[]) data, off, len);
            case UINT8 -> bb.put((byte[]) data, off, len);
            case BOOL -> {
                boolean[] b = (boolean[]) data;
                for (int i = 0; i < len; i++) {
                    bb.put((byte) (b[off + i] ? 1 : 0));
                }
            }
        }
    }

    private static boolean[] toBooleans(byte[] raw) {
        boolean[] out = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            // numpy writes 0 and 1; like numpy, treat any other non-zero byte as True.
            out[i] = raw[i] != 0;
        }
        return out;
    }
}
