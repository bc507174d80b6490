package io.dlkit.plugins.detector.proposals;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Image;
import java.util.Arrays;

/**
 * Felzenszwalb and Huttenlocher's graph-based segmentation (IJCV 2004), the first stage of R-CNN's
 * selective search: pixels are nodes, each joined to its right, lower and two diagonal neighbours
 * by an edge weighted with the Euclidean colour distance; edges are visited from lightest to
 * heaviest and join two components when the weight is at most both components' internal difference
 * plus {@code k / size} ({@code Int(C) + tau(C)}). Components smaller than {@code minSize} are then
 * merged into a neighbour along the remaining edges, lightest first. No smoothing is applied here
 * (the paper blurs with sigma 0.8 first; blur the image before if wanted).
 */
public final class GraphSegmentation {
    /** Right, down, down-right, down-left: each neighbour pair once. */
    private static final int[][] STEPS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

    private final double k;
    private final int minSize;

    /**
     * @param k the scale: larger values prefer larger components (the paper uses 300 for 0-255
     *     pixel values; use about {@code 300 / 255} for dlkit's [0, 1] images)
     * @param minSize the smallest component kept, in pixels
     */
    public GraphSegmentation(double k, int minSize) {
        if (!(k > 0)) {
            throw new IllegalArgumentException("k must be > 0, got " + k);
        }
        if (minSize < 1) {
            throw new IllegalArgumentException("minSize must be >= 1, got " + minSize);
        }
        this.k = k;
        this.minSize = minSize;
    }

    /** Labels each pixel (row-major) with a component number {@code 0 .. count - 1}. */
    public Segments segment(Image image) {
        requireNonNull(image, "image is null");
        int h = image.height();
        int w = image.width();
        float[] px = image.data();
        long[] edges = edges(px, h, w, image.channels());
        float[] weights = new float[edges.length];
        int[] a = new int[edges.length];
        int[] b = new int[edges.length];
        decode(edges, w, weights, a, b);
        DisjointSets sets = new DisjointSets(h * w);
        double[] threshold = new double[h * w];
        Arrays.fill(threshold, k);
        for (int e = 0; e < edges.length; e++) {
            int ra = sets.find(a[e]);
            int rb = sets.find(b[e]);
            if (ra != rb && weights[e] <= threshold[ra] && weights[e] <= threshold[rb]) {
                int r = sets.union(ra, rb);
                threshold[r] = weights[e] + k / sets.size(r);
            }
        }
        for (int e = 0; e < edges.length; e++) {
            int ra = sets.find(a[e]);
            int rb = sets.find(b[e]);
            if (ra != rb && (sets.size(ra) < minSize || sets.size(rb) < minSize)) {
                sets.union(ra, rb);
            }
        }
        return Segments.of(sets, h, w);
    }

    /**
     * The edges, sorted by weight: each packs the float bits of its (non-negative) weight in the
     * high half, so sorting the longs sorts by weight, and the edge number below.
     */
    private static long[] edges(float[] px, int h, int w, int c) {
        long[] out = new long[4 * h * w];
        int n = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int s = 0; s < 4; s++) {
                    int y2 = y + STEPS[s][0];
                    int x2 = x + STEPS[s][1];
                    if (y2 < h && x2 >= 0 && x2 < w) {
                        float d = distance(px, (y * w + x) * c, (y2 * w + x2) * c, c);
                        long id = (long) (y * w + x) * 4 + s;
                        out[n++] = ((long) Float.floatToIntBits(d) << 32) | id;
                    }
                }
            }
        }
        long[] sorted = Arrays.copyOf(out, n);
        Arrays.sort(sorted);
        return sorted;
    }

    private static void decode(long[] edges, int width, float[] weights, int[] a, int[] b) {
        for (int e = 0; e < edges.length; e++) {
            weights[e] = Float.intBitsToFloat((int) (edges[e] >>> 32));
            int id = (int) (edges[e] & 0xFFFFFFFFL);
            a[e] = id / 4;
            b[e] = a[e] + STEPS[id % 4][0] * width + STEPS[id % 4][1];
        }
    }

    private static float distance(float[] px, int i, int j, int c) {
        double sum = 0;
        for (int k = 0; k < c; k++) {
            double d = px[i + k] - px[j + k];
            sum += d * d;
        }
        return (float) Math.sqrt(sum);
    }
}
