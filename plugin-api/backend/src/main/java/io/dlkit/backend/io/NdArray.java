package io.dlkit.backend.io;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Objects;
import org.tensorflow.Tensor;

/**
 * An n-dimensional array in row-major (C) order: an element type, a shape and the values in one
 * flat primitive array. It is what {@link Npy} and {@link Npz} read and write, and it converts to
 * and from TensorFlow tensors.
 *
 * <p>Immutable by convention: the factories take ownership of the array they are given (no copy, so
 * do not change it afterwards), and every accessor returns a fresh copy. {@code equals} compares
 * type, shape and values.
 *
 * <pre>{@code
 * NdArray w = NdArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
 * Npy.write(Path.of("w.npy"), w);          // np.load("w.npy") -> float32 array of shape (2, 3)
 * }</pre>
 */
public final class NdArray {
    private final DType dtype;
    private final long[] shape;
    private final Object data;
    private final int size;

    private NdArray(DType dtype, Object data, int length, long[] shape) {
        this.dtype = dtype;
        this.shape = requireNonNull(shape, "shape is null").clone();
        this.data = data;
        this.size = length;
        long n = elementCount(this.shape);
        if (n < 0) {
            throw new IllegalArgumentException(
                    "shape "
                            + shapeString(shape)
                            + " has a negative dimension or overflows a long");
        }
        if (n != length) {
            throw new IllegalArgumentException(
                    "data has "
                            + length
                            + " values but shape "
                            + shapeString(shape)
                            + " needs "
                            + n);
        }
    }

    /** A {@link DType#FLOAT32} array; {@code shape} with no dimensions makes a scalar. */
    public static NdArray of(float[] data, long... shape) {
        return new NdArray(DType.FLOAT32, data, requireNonNull(data, "data is null").length, shape);
    }

    /** A {@link DType#FLOAT64} array. */
    public static NdArray of(double[] data, long... shape) {
        return new NdArray(DType.FLOAT64, data, requireNonNull(data, "data is null").length, shape);
    }

    /** An {@link DType#INT32} array. */
    public static NdArray of(int[] data, long... shape) {
        return new NdArray(DType.INT32, data, requireNonNull(data, "data is null").length, shape);
    }

    /** An {@link DType#INT64} array. */
    public static NdArray of(long[] data, long... shape) {
        return new NdArray(DType.INT64, data, requireNonNull(data, "data is null").length, shape);
    }

    /** A {@link DType#UINT8} array: each byte is read as an unsigned value 0..255. */
    public static NdArray of(byte[] data, long... shape) {
        return new NdArray(DType.UINT8, data, requireNonNull(data, "data is null").length, shape);
    }

    /** A {@link DType#BOOL} array. */
    public static NdArray of(boolean[] data, long... shape) {
        return new NdArray(DType.BOOL, data, requireNonNull(data, "data is null").length, shape);
    }

    /**
     * Copies a TensorFlow tensor (TFloat32, TFloat64, TInt32, TInt64, TUint8 or TBool) into a new
     * array of the same type and shape. The tensor stays open; the caller closes it.
     *
     * @throws IllegalArgumentException for other tensor types or more than 2^31-1 elements
     */
    public static NdArray fromTensor(Tensor tensor) {
        return TensorConversion.fromTensor(requireNonNull(tensor, "tensor is null"));
    }

    /**
     * Copies this array into a new TensorFlow tensor of the matching type and shape. This loads the
     * TensorFlow native runtime. The caller owns the tensor and must close it.
     */
    public Tensor toTensor() {
        return TensorConversion.toTensor(this);
    }

    /** The element type. */
    public DType dtype() {
        return dtype;
    }

    /** A copy of the shape; empty for a scalar. */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** The number of elements: the product of the shape (1 for a scalar). */
    public int size() {
        return size;
    }

    /** The values as floats, converted from any type (booleans become 0 and 1). */
    public float[] floats() {
        return Elements.toFloats(dtype, data, size);
    }

    /** The values as doubles, converted from any type. */
    public double[] doubles() {
        return Elements.toDoubles(dtype, data, size);
    }

    /** The values as ints; floats are truncated toward zero and longs narrowed as Java casts do. */
    public int[] ints() {
        return Elements.toInts(dtype, data, size);
    }

    /** The values as longs; floats are truncated toward zero as Java casts do. */
    public long[] longs() {
        return Elements.toLongs(dtype, data, size);
    }

    /** The backing array itself, for readers and writers in this package; never modify it. */
    Object data() {
        return data;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray other
                && dtype == other.dtype
                && Arrays.equals(shape, other.shape)
                && Objects.deepEquals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                dtype, Arrays.hashCode(shape), Arrays.deepHashCode(new Object[] {data}));
    }

    /** For example {@code NdArray[FLOAT32 (2, 3)]}. */
    @Override
    public String toString() {
        return "NdArray[" + dtype + " " + shapeString(shape) + "]";
    }

    /** The shape as NumPy prints it: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String shapeString(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    /** The product of the dimensions, or -1 if a dimension is negative or it overflows a long. */
    static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                return -1;
            }
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return n;
    }
}
