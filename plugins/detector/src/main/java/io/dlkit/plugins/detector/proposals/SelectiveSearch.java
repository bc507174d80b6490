package io.dlkit.plugins.detector.proposals;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Image;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Selective search (Uijlings et al., IJCV 2013), the region proposals of R-CNN: starting from
 * {@link GraphSegmentation}'s segments, repeatedly merge the two adjacent regions of highest
 * similarity (colour-histogram intersection with 25 bins a channel, plus small size, plus how well
 * they fill their joint box; the paper's texture term is left out) until one region is left. Every
 * region that ever existed is a proposal. Plain Java, quadratic in the number of segments.
 */
public final class SelectiveSearch {
    private static final int BINS = 25;

    private final GraphSegmentation segmentation;

    /** Selective search over the segments of {@code segmentation}. */
    public SelectiveSearch(GraphSegmentation segmentation) {
        this.segmentation = requireNonNull(segmentation, "segmentation is null");
    }

    /** The proposals in pixels, the initial segments first, then each merge; no duplicates. */
    public List<BoundingBox> propose(Image image) {
        requireNonNull(image, "image is null");
        Segments s = segmentation.segment(image);
        List<Region> regions = initialRegions(image, s);
        Map<Integer, Set<Integer>> neighbours = adjacency(s);
        Set<BoundingBox> proposals = new LinkedHashSet<>();
        regions.forEach(r -> proposals.add(r.box()));
        double imageSize = (double) image.width() * image.height();
        Set<Integer> alive = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            alive.add(i);
        }
        while (alive.size() > 1) {
            int[] pair = mostSimilar(regions, neighbours, alive, imageSize);
            if (pair == null) {
                break; // disconnected leftovers cannot happen on one image, but stay safe
            }
            Region merged = regions.get(pair[0]).merge(regions.get(pair[1]));
            int id = regions.size();
            regions.add(merged);
            proposals.add(merged.box());
            Set<Integer> n = new HashSet<>(neighbours.get(pair[0]));
            n.addAll(neighbours.get(pair[1]));
            n.remove(pair[0]);
            n.remove(pair[1]);
            for (int other : n) {
                neighbours.get(other).remove(pair[0]);
                neighbours.get(other).remove(pair[1]);
                neighbours.get(other).add(id);
            }
            neighbours.put(id, n);
            alive.remove(pair[0]);
            alive.remove(pair[1]);
            alive.add(id);
        }
        return List.copyOf(proposals);
    }

    private static int[] mostSimilar(
            List<Region> regions,
            Map<Integer, Set<Integer>> neighbours,
            Set<Integer> alive,
            double imageSize) {
        int[] best = null;
        double bestSim = Double.NEGATIVE_INFINITY;
        for (int i : alive) {
            for (int j : neighbours.get(i)) {
                if (i < j) {
                    double sim = regions.get(i).similarity(regions.get(j), imageSize);
                    if (sim > bestSim) {
                        bestSim = sim;
                        best = new int[] {i, j};
                    }
                }
            }
        }
        return best;
    }

    private static List<Region> initialRegions(Image image, Segments s) {
        int c = image.channels();
        float[][] hist = new float[s.count()][BINS * c];
        int[] sizes = s.sizes();
        float[] px = image.data();
        for (int p = 0; p < s.labels().length; p++) {
            int l = s.labels()[p];
            for (int k = 0; k < c; k++) {
                int bin = Math.min(BINS - 1, Math.max(0, (int) (px[p * c + k] * BINS)));
                hist[l][k * BINS + bin] += 1f / (sizes[l] * c);
            }
        }
        List<BoundingBox> boxes = s.boxes();
        List<Region> out = new ArrayList<>();
        for (int l = 0; l < s.count(); l++) {
            out.add(new Region(hist[l], sizes[l], boxes.get(l)));
        }
        return out;
    }

    private static Map<Integer, Set<Integer>> adjacency(Segments s) {
        Map<Integer, Set<Integer>> n = new HashMap<>();
        for (int l = 0; l < s.count(); l++) {
            n.put(l, new HashSet<>());
        }
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int a = s.at(x, y);
                if (x + 1 < s.width() && s.at(x + 1, y) != a) {
                    n.get(a).add(s.at(x + 1, y));
                    n.get(s.at(x + 1, y)).add(a);
                }
                if (y + 1 < s.height() && s.at(x, y + 1) != a) {
                    n.get(a).add(s.at(x, y + 1));
                    n.get(s.at(x, y + 1)).add(a);
                }
            }
        }
        return n;
    }
}
