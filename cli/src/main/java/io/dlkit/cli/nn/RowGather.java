package io.dlkit.cli.nn;

import io.dlkit.backend.io.NdArray;

/**
 * Copies chosen rows of an array held as plain {@code float[]} or {@code int[]} values: the batches
 * of the named-array trainer ({@link ArraySource}) and of the Spark workers' shards.
 */
public final class RowGather {
    private RowGather() {}

    /**
     * The rows {@code rows} (in that order) of an array of {@code fullShape} whose values are
     * {@code values} (float[] or int[], row-major); the result has {@code rows.length} rows.
     */
    public static NdArray gather(long[] fullShape, Object values, int[] rows) {
        long[] shape = fullShape.clone();
        int width = 1;
        for (int i = 1; i < shape.length; i++) width = Math.multiplyExact(width, (int) shape[i]);
        shape[0] = rows.length;
        if (values instanceof int[] src) {
            int[] out = new int[rows.length * width];
            for (int i = 0; i < rows.length; i++)
                System.arraycopy(src, rows[i] * width, out, i * width, width);
            return NdArray.of(out, shape);
        }
        float[] src = (float[]) values;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++)
            System.arraycopy(src, rows[i] * width, out, i * width, width);
        return NdArray.of(out, shape);
    }
}
