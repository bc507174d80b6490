package io.dlkit.backend.io;

/**
 * The element types an {@link NdArray} can hold, with their NumPy type codes. Each maps to one
 * TensorFlow type and one Java primitive array:
 *
 * <table>
 *   <caption>Element types</caption>
 *   <tr><th>DType</th><th>NumPy</th><th>TensorFlow</th><th>Java array</th></tr>
 *   <tr><td>FLOAT32</td><td>f4</td><td>TFloat32</td><td>float[]</td></tr>
 *   <tr><td>FLOAT64</td><td>f8</td><td>TFloat64</td><td>double[]</td></tr>
 *   <tr><td>INT32</td><td>i4</td><td>TInt32</td><td>int[]</td></tr>
 *   <tr><td>INT64</td><td>i8</td><td>TInt64</td><td>long[]</td></tr>
 *   <tr><td>UINT8</td><td>u1</td><td>TUint8</td><td>byte[] (read as 0..255)</td></tr>
 *   <tr><td>BOOL</td><td>b1</td><td>TBool</td><td>boolean[]</td></tr>
 * </table>
 */
public enum DType {
    /** 32-bit IEEE float. */
    FLOAT32("f4", 4),
    /** 64-bit IEEE float. */
    FLOAT64("f8", 8),
    /** 32-bit signed integer. */
    INT32("i4", 4),
    /** 64-bit signed integer. */
    INT64("i8", 8),
    /** 8-bit unsigned integer, held in a Java {@code byte[]}; read it with {@code b & 0xFF}. */
    UINT8("u1", 1),
    /** Boolean, one byte per element on disk (0 or 1). */
    BOOL("b1", 1);

    /** The supported NumPy codes, as listed in error messages. */
    static final String SUPPORTED = "f4, f8, i4, i8, u1, b1";

    private final String npyCode;
    private final int byteSize;

    DType(String npyCode, int byteSize) {
        this.npyCode = npyCode;
        this.byteSize = byteSize;
    }

    /** The NumPy type code without byte order, e.g. {@code "f4"}. */
    public String npyCode() {
        return npyCode;
    }

    /** The size of one element in bytes, on disk and in TensorFlow. */
    public int byteSize() {
        return byteSize;
    }

    /** The type with the given NumPy code ({@code "f4"}), or {@code null} if none matches. */
    static DType fromNpyCode(String code) {
        for (DType t : values()) {
            if (t.npyCode.equals(code)) {
                return t;
            }
        }
        return null;
    }
}
