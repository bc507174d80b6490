package io.dlkit.plugins.embeddings.word2vec;

/** The C tool's random numbers: {@code next = next * 25214903917 + 11} on 64 bits. */
final class Lcg {
    private Lcg() {}

    /** The next state after {@code state}. */
    static long next(long state) {
        return state * 25214903917L + 11;
    }

    /** A uniform value in [0, 1) from the low 16 bits, as the C tool's sub-sampling reads it. */
    static float unit16(long state) {
        return (state & 0xFFFF) / 65536f;
    }

    /** A value in [0, bound) from the state, like the C tool's {@code next_random % bound}. */
    static int below(long state, int bound) {
        return (int) Long.remainderUnsigned(state, bound);
    }
}
