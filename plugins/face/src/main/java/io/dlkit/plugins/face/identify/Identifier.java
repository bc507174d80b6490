package io.dlkit.plugins.face.identify;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The nearest enrolled descriptor of a face, by brute force over all of them (128 multiply-adds
 * each, 13 M for 100,000 descriptors) held as one flat float array, abandoning a candidate once its
 * partial sum passes the best so far. Descriptor lengths must be a multiple of 4.
 */
public final class Identifier {
    /** What a face was identified as. */
    public record Match(String name, double distance) {}

    private static final int CHUNK = 8192;

    private final String[] names;
    private final float[] flat;
    private final int dim;

    /** Over the enrolled entries. */
    public Identifier(List<FaceDatabase.Entry> entries) {
        this.names = new String[entries.size()];
        this.dim = entries.isEmpty() ? 0 : entries.get(0).descriptor().length;
        this.flat = new float[entries.size() * dim];
        for (int i = 0; i < names.length; i++) {
            names[i] = entries.get(i).name();
            System.arraycopy(entries.get(i).descriptor(), 0, flat, i * dim, dim);
        }
    }

    /**
     * The nearest name within {@code threshold}, else {@code unknown} with the nearest distance.
     */
    public Match identify(float[] descriptor, double threshold) {
        int chunks = (names.length + CHUNK - 1) / CHUNK;
        long packed =
                IntStream.range(0, chunks)
                        .parallel()
                        .mapToLong(
                                c ->
                                        nearestIn(
                                                descriptor,
                                                c * CHUNK,
                                                Math.min(names.length, (c + 1) * CHUNK)))
                        .min()
                        .orElse(Long.MAX_VALUE);
        int best = packed == Long.MAX_VALUE ? -1 : (int) (packed & 0xffffffffL);
        float bestSq = best < 0 ? Float.MAX_VALUE : Float.intBitsToFloat((int) (packed >>> 32));
        if (best < 0) {
            return new Match("unknown", Double.NaN);
        }
        double distance = Math.sqrt(bestSq);
        return new Match(distance < threshold ? names[best] : "unknown", distance);
    }

    /**
     * The nearest row in {@code [from, to)}, packed as the squared distance's float bits (high
     * half; non-negative floats order as their bits) and the row (low half), so that the smallest
     * packed value is the nearest row, the first one on ties.
     */
    private long nearestIn(float[] q, int from, int to) {
        int best = -1;
        float bestSq = Float.MAX_VALUE;
        for (int i = from; i < to; i++) {
            float s = squaredDistance(q, i * dim, bestSq);
            if (s < bestSq) {
                bestSq = s;
                best = i;
            }
        }
        return best < 0 ? Long.MAX_VALUE : ((long) Float.floatToIntBits(bestSq) << 32) | best;
    }

    /**
     * The squared distance to the row at {@code o}, in four float accumulators, given up (returning
     * {@code Float.MAX_VALUE}) once a 32-value stretch has already reached {@code bound}.
     */
    private float squaredDistance(float[] q, int o, float bound) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        for (int k = 0; k < dim; k += 4) {
            float d0 = q[k] - flat[o + k];
            float d1 = q[k + 1] - flat[o + k + 1];
            float d2 = q[k + 2] - flat[o + k + 2];
            float d3 = q[k + 3] - flat[o + k + 3];
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            if ((k & 31) == 28 && s0 + s1 + s2 + s3 >= bound) {
                return Float.MAX_VALUE;
            }
        }
        return (s0 + s1) + (s2 + s3);
    }
}
