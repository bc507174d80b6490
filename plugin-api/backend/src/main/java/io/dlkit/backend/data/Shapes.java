package io.dlkit.backend.data;

/** Shape helpers shared by the data classes. */
final class Shapes {
    private Shapes() {}

    /** The shape as NumPy prints it: {@code ()}, {@code (3,)}, {@code (2, 3)}. */
    static String toString(long[] shape) {
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
