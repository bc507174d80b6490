package io.dlkit.backend.tensor;

import static java.util.Objects.requireNonNull;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * Creates tensors from flat primitive arrays and reads them back. Nested Java arrays are about 200
 * times slower to feed, so dlkit never uses them. Every tensor returned here must be closed by the
 * caller (try-with-resources).
 */
public final class Tensors {
    private Tensors() {}

    /** A float tensor of the given shape holding a copy of {@code data} (row-major). */
    public static TFloat32 floats(float[] data, long... shape) {
        checkSize(data.length, shape);
        return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** An int tensor of the given shape holding a copy of {@code data}. */
    public static TInt32 ints(int[] data, long... shape) {
        checkSize(data.length, shape);
        return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** A long tensor of the given shape holding a copy of {@code data}. */
    public static TInt64 longs(long[] data, long... shape) {
        checkSize(data.length, shape);
        return TInt64.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
    }

    /** A float scalar. */
    public static TFloat32 scalar(float value) {
        return TFloat32.scalarOf(value);
    }

    /** Copies a float tensor's values into a new row-major array. */
    public static float[] toFloats(Tensor tensor) {
        requireNonNull(tensor, "tensor is null");
        if (!(tensor instanceof TFloat32 t)) {
            throw new IllegalArgumentException(
                    "expected a float32 tensor, got " + tensor.dataType());
        }
        float[] out = new float[Math.toIntExact(t.shape().size())];
        t.asRawTensor().data().asFloats().read(out);
        return out;
    }

    /** Reads a float scalar (or the first element). */
    public static float toFloat(Tensor tensor) {
        return ((TFloat32) tensor).getFloat(new long[((TFloat32) tensor).shape().numDimensions()]);
    }

    /** Copies an int tensor's values into a new row-major array. */
    public static int[] toInts(Tensor tensor) {
        if (!(tensor instanceof TInt32 t)) {
            throw new IllegalArgumentException(
                    "expected an int32 tensor, got " + tensor.dataType());
        }
        int[] out = new int[Math.toIntExact(t.shape().size())];
        t.asRawTensor().data().asInts().read(out);
        return out;
    }

    private static void checkSize(int length, long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape dimensions must be >= 0, got " + d);
            }
            n *= d;
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    "data has " + length + " values but shape " + Shape.of(shape) + " needs " + n);
        }
    }
}
