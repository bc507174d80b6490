package io.dlkit.backend.io;

/** Converts the flat primitive array behind an {@link NdArray} between element types. */
final class Elements {
    private Elements() {}

    static float[] toFloats(DType dtype, Object data, int n) {
        if (dtype == DType.FLOAT32) {
            return ((float[]) data).clone();
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) doubleAt(dtype, data, i);
        }
        return out;
    }

    static double[] toDoubles(DType dtype, Object data, int n) {
        if (dtype == DType.FLOAT64) {
            return ((double[]) data).clone();
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = doubleAt(dtype, data, i);
        }
        return out;
    }

    static int[] toInts(DType dtype, Object data, int n) {
        if (dtype == DType.INT32) {
            return ((int[]) data).clone();
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = (int) longAt(dtype, data, i);
        }
        return out;
    }

    static long[] toLongs(DType dtype, Object data, int n) {
        if (dtype == DType.INT64) {
            return ((long[]) data).clone();
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = longAt(dtype, data, i);
        }
        return out;
    }

    private static double doubleAt(DType dtype, Object data, int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            default -> longAt(dtype, data, i);
        };
    }

    private static long longAt(DType dtype, Object data, int i) {
        return switch (dtype) {
            case FLOAT32 -> (long) ((float[]) data)[i];
            case FLOAT64 -> (long) ((double[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
            case UINT8 -> ((byte[]) data)[i] & 0xFF;
            case BOOL -> ((boolean[]) data)[i] ? 1 : 0;
        };
    }
}
