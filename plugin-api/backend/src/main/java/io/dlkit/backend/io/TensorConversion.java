package io.dlkit.backend.io;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;

/**
 * Copies between {@link NdArray} and TensorFlow tensors. The only class of this package that
 * touches TensorFlow, so reading and writing files never loads the native runtime.
 */
final class TensorConversion {
    private TensorConversion() {}

    static Tensor toTensor(NdArray a) {
        Shape shape = Shape.of(a.shape());
        Object d = a.data();
        return switch (a.dtype()) {
            case FLOAT32 -> TFloat32.tensorOf(shape, DataBuffers.of((float[]) d, true, false));
            case FLOAT64 -> TFloat64.tensorOf(shape, DataBuffers.of((double[]) d, true, false));
            case INT32 -> TInt32.tensorOf(shape, DataBuffers.of((int[]) d, true, false));
            case INT64 -> TInt64.tensorOf(shape, DataBuffers.of((long[]) d, true, false));
            case UINT8 -> TUint8.tensorOf(shape, DataBuffers.of((byte[]) d, true, false));
            case BOOL -> TBool.tensorOf(shape, DataBuffers.of((boolean[]) d, true, false));
        };
    }

    static NdArray fromTensor(Tensor t) {
        long[] shape = t.shape().asArray();
        int n = checkedSize(t);
        if (t instanceof TFloat32 f) {
            float[] out = new float[n];
            f.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        } else if (t instanceof TFloat64 f) {
            double[] out = new double[n];
            f.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        } else if (t instanceof TInt32 i) {
            int[] out = new int[n];
            i.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        } else if (t instanceof TInt64 i) {
            long[] out = new long[n];
            i.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        }
        return fromByteTensor(t, shape, n);
    }

    private static NdArray fromByteTensor(Tensor t, long[] shape, int n) {
        if (t instanceof TUint8 u) {
            byte[] out = new byte[n];
            u.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        } else if (t instanceof TBool b) {
            boolean[] out = new boolean[n];
            b.copyTo(DataBuffers.of(out, false, false));
            return NdArray.of(out, shape);
        }
        throw new IllegalArgumentException(
                "cannot copy a "
                        + t.dataType()
                        + " tensor into an NdArray (supported: TFloat32, TFloat64, TInt32, TInt64,"
                        + " TUint8, TBool); cast it first, e.g. with tf.dtypes.cast");
    }

    private static int checkedSize(Tensor t) {
        long n = t.shape().size();
        if (n < 0 || n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "cannot copy a tensor of shape "
                            + t.shape()
                            + " into an NdArray: it must be fully known and under 2^31 elements");
        }
        return (int) n;
    }
}
