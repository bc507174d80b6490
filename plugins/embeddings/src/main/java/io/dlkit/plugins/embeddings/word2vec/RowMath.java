package io.dlkit.plugins.embeddings.word2vec;

/**
 * The row arithmetic of the word2vec kernels: a dot product and the two updates of one SGD step,
 * over rows of flat row-major float matrices. {@link #best()} picks, once, the SIMD version (the
 * Java Vector API, when the JVM was started with {@code --add-modules jdk.incubator.vector}) or the
 * plain-Java one.
 */
abstract class RowMath {
    /** The property that turns the Vector API off ({@code -Ddlkit.simd=false}), for comparisons. */
    static final String SIMD_PROPERTY = "dlkit.simd";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final RowMath BEST =
            choose(
                    Boolean.parseBoolean(System.getProperty(SIMD_PROPERTY, "true"))
                            && ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent());

    /** {@code sum_c a[aOffset + c] b[bOffset + c]} over {@code n} columns. */
    abstract float dot(float[] a, int aOffset, float[] b, int bOffset, int n);

    /** {@code y[yOffset + c] += g x[xOffset + c]} over {@code n} columns. */
    abstract void axpy(float g, float[] x, int xOffset, float[] y, int yOffset, int n);

    /**
     * One output row's update in a single pass over it: {@code acc += g out; out += g in} (the
     * accumulation reads the row before its update, as in the C tool).
     */
    abstract void exchange(
            float g, float[] in, int inOffset, float[] out, int outOffset, float[] acc, int n);

    /** What {@link #best()} chose, for the log: {@code "simd 256-bit"} or {@code "scalar"}. */
    abstract String describe();

    /** The fastest version this JVM offers, chosen once. */
    static RowMath best() {
        return BEST;
    }

    /** The SIMD version if {@code simd} (wanted, and its module present) and it loads. */
    static RowMath choose(boolean simd) {
        if (!simd) {
            return new ScalarRowMath();
        }
        try {
            // by name: this class must load without the module
            return (RowMath)
                    Class.forName(RowMath.class.getPackageName() + ".SimdRowMath")
                            .getDeclaredConstructor()
                            .newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarRowMath();
        }
    }
}
