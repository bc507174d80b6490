package io.dlkit.plugins.embeddings.word2vec;

/**
 * The C tool's precomputed logistic function: {@code size} values of sigma(x) for x evenly spaced
 * over [-6, 6), looked up by truncation. Outside that range training treats sigma as 0 or 1.
 */
public final class SigmoidTable {
    /** The table covers (-MAX_EXP, MAX_EXP). */
    public static final float MAX_EXP = 6f;

    private static final SigmoidTable STANDARD = new SigmoidTable(1000);

    private final float[] table;
    private final float scale;

    /** A table of {@code size} entries ({@code EXP_TABLE_SIZE} is 1000 in the C tool). */
    public SigmoidTable(int size) {
        if (size < 2) {
            throw new IllegalArgumentException("size must be at least 2, got " + size);
        }
        // One extra entry: float rounding can put f just below MAX_EXP on index size.
        table = new float[size + 1];
        for (int i = 0; i <= size; i++) {
            double e = Math.exp(((double) i / size * 2 - 1) * MAX_EXP);
            table[i] = (float) (e / (e + 1));
        }
        scale = size / MAX_EXP / 2;
    }

    /** The C tool's table of 1000 entries. */
    public static SigmoidTable standard() {
        return STANDARD;
    }

    /** sigma(f) from the table; {@code f} must lie in (-MAX_EXP, MAX_EXP). */
    public float sigmoid(float f) {
        return table[(int) ((f + MAX_EXP) * scale)];
    }

    /**
     * {@code label - sigma(f)}, the logistic-loss gradient factor of negative sampling, with the C
     * tool's clipping: {@code label - 1} above MAX_EXP and {@code label} below -MAX_EXP.
     */
    public float gradient(float f, int label) {
        if (f > MAX_EXP) {
            return label - 1;
        }
        if (f < -MAX_EXP) {
            return label;
        }
        return label - sigmoid(f);
    }
}
