package io.dlkit.plugins.detector.anchors;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.Iou;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Anchor boxes by k-means over the (width, height) of the training boxes, as the notes and YOLO9000
 * describe: all boxes are placed at the same point, the distance between two sizes is {@code 1 -
 * IoU}, and each centre is the mean width and height of its members. Seeding is k-means++ (each
 * next centre drawn with probability proportional to its squared distance from the nearest chosen
 * one) from a {@link Random} with the given seed, so the same seed gives the same anchors. A
 * cluster that loses all its members keeps its centre. k-means can settle in a poor local optimum
 * (two centres sharing one cluster), so it runs {@code restarts} times from fresh seedings (one
 * {@link Random} throughout) and keeps the result of highest mean IoU, as scikit-learn's {@code
 * n_init} does.
 */
public final class AnchorKMeans {
    private final int k;
    private final long seed;
    private final int maxIterations;
    private final int restarts;

    /** One run: {@code AnchorKMeans(k, seed, maxIterations, 1)}. */
    public AnchorKMeans(int k, long seed, int maxIterations) {
        this(k, seed, maxIterations, 1);
    }

    /**
     * @param k the number of anchors (YOLO9000 picks 5)
     * @param seed the seed of the k-means++ draws
     * @param maxIterations at most this many assignment rounds per run
     * @param restarts runs from fresh seedings; the best is kept
     */
    public AnchorKMeans(int k, long seed, int maxIterations, int restarts) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        this.k = k;
        this.seed = seed;
        this.maxIterations = maxIterations;
        this.restarts = restarts;
    }

    /** Clusters {@code boxes}; needs at least {@code k} of them. */
    public AnchorClusters fit(List<BoxSize> boxes) {
        requireNonNull(boxes, "boxes is null");
        if (boxes.size() < k) {
            throw new IllegalArgumentException(
                    "k-means needs at least k = " + k + " boxes, got " + boxes.size());
        }
        Random random = new Random(seed);
        AnchorClusters best = null;
        for (int run = 0; run < restarts; run++) {
            AnchorClusters c = run(boxes, random);
            if (best == null || c.meanIou() > best.meanIou()) {
                best = c;
            }
        }
        return best;
    }

    private AnchorClusters run(List<BoxSize> boxes, Random random) {
        List<BoxSize> centres = seed(boxes, random);
        int[] assignment = new int[boxes.size()];
        Arrays.fill(assignment, -1);
        int iterations = 0;
        boolean changed = true;
        while (changed && iterations < maxIterations) {
            iterations++;
            changed = assign(boxes, centres, assignment);
            centres = update(boxes, centres, assignment);
        }
        List<BoxSize> sorted = new ArrayList<>(centres);
        sorted.sort(Comparator.comparingDouble(BoxSize::area));
        return new AnchorClusters(sorted, meanIou(boxes, sorted), iterations);
    }

    /** The mean over {@code boxes} of the IoU with the best of {@code anchors}. */
    public static double meanIou(List<BoxSize> boxes, List<BoxSize> anchors) {
        if (boxes.isEmpty() || anchors.isEmpty()) {
            throw new IllegalArgumentException("meanIou needs at least one box and one anchor");
        }
        double sum = 0;
        for (BoxSize b : boxes) {
            sum += iou(b, anchors.get(nearest(b, anchors)));
        }
        return sum / boxes.size();
    }

    private List<BoxSize> seed(List<BoxSize> boxes, Random random) {
        List<BoxSize> centres = new ArrayList<>();
        centres.add(boxes.get(random.nextInt(boxes.size())));
        double[] weight = new double[boxes.size()];
        while (centres.size() < k) {
            double total = 0;
            for (int i = 0; i < boxes.size(); i++) {
                BoxSize b = boxes.get(i);
                double d = 1 - iou(b, centres.get(nearest(b, centres)));
                weight[i] = d * d;
                total += weight[i];
            }
            centres.add(boxes.get(draw(weight, total, random)));
        }
        return centres;
    }

    private static int draw(double[] weight, double total, Random random) {
        if (total <= 0) { // every box equals a centre already
            return random.nextInt(weight.length);
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            r -= weight[i];
            if (r < 0) {
                return i;
            }
        }
        return weight.length - 1;
    }

    private static boolean assign(List<BoxSize> boxes, List<BoxSize> centres, int[] assignment) {
        boolean changed = false;
        for (int i = 0; i < boxes.size(); i++) {
            int c = nearest(boxes.get(i), centres);
            changed |= c != assignment[i];
            assignment[i] = c;
        }
        return changed;
    }

    private static List<BoxSize> update(
            List<BoxSize> boxes, List<BoxSize> centres, int[] assignment) {
        int n = centres.size();
        double[] w = new double[n];
        double[] h = new double[n];
        int[] count = new int[n];
        for (int i = 0; i < boxes.size(); i++) {
            w[assignment[i]] += boxes.get(i).width();
            h[assignment[i]] += boxes.get(i).height();
            count[assignment[i]]++;
        }
        List<BoxSize> out = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            out.add(count[c] == 0 ? centres.get(c) : new BoxSize(w[c] / count[c], h[c] / count[c]));
        }
        return out;
    }

    /** The index of the centre of highest IoU (smallest 1 - IoU); the first on ties. */
    static int nearest(BoxSize b, List<BoxSize> centres) {
        int best = 0;
        double bestIou = -1;
        for (int c = 0; c < centres.size(); c++) {
            double iou = iou(b, centres.get(c));
            if (iou > bestIou) {
                bestIou = iou;
                best = c;
            }
        }
        return best;
    }

    private static double iou(BoxSize a, BoxSize b) {
        return Iou.aligned(a.width(), a.height(), b.width(), b.height());
    }
}
