package io.dlkit.backend.tensor;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

/**
 * A float input tensor reused across steps: each batch overwrites its buffer in place instead of
 * allocating a new tensor. A batch of a different size (the last, smaller one) gets its own tensor,
 * cached by batch size. Close it when training ends.
 */
public final class FloatFeed implements AutoCloseable {
    private final long[] rowShape;
    private final long rowSize;
    private TFloat32 full;
    private TFloat32 partial;

    /** A feed whose tensors have shape {@code [batch, rowShape...]}. */
    public FloatFeed(long... rowShape) {
        this.rowShape = rowShape.clone();
        long n = 1;
        for (long d : rowShape) n *= d;
        this.rowSize = n;
    }

    /**
     * Fills a tensor of {@code rows} rows from {@code data[offset .. offset + rows*rowSize)} and
     * returns it; the tensor stays owned by this feed (do not close it).
     */
    public TFloat32 fill(float[] data, int offset, int rows) {
        TFloat32 t = tensorFor(rows);
        t.asRawTensor().data().asFloats().write(data, offset, Math.toIntExact(rows * rowSize));
        return t;
    }

    private TFloat32 tensorFor(int rows) {
        if (full == null) {
            full = allocate(rows);
            return full;
        }
        if (full.shape().size(0) == rows) return full;
        if (partial == null || partial.shape().size(0) != rows) {
            if (partial != null) partial.close();
            partial = allocate(rows);
        }
        return partial;
    }

    private TFloat32 allocate(int rows) {
        long[] dims = new long[rowShape.length + 1];
        dims[0] = rows;
        System.arraycopy(rowShape, 0, dims, 1, rowShape.length);
        return TFloat32.tensorOf(Shape.of(dims));
    }

    @Override
    public void close() {
        if (full != null) full.close();
        if (partial != null) partial.close();
    }
}
