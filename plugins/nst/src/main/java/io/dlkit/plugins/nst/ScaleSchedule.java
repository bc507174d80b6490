package io.dlkit.plugins.nst;

import java.util.ArrayList;
import java.util.List;

/**
 * The scales of a multi-scale run: optimise small, upsample, refine at larger scales. The result's
 * size is halved until the loss network can see the whole image in one tile; that scale is
 * optimised whole with the requested iterations, and each larger scale (each twice the previous) is
 * refined tile by tile with half the iterations of the scale before it, so memory is bounded by the
 * tile size whatever the photo's size.
 */
final class ScaleSchedule {
    /** One scale: the image size, the Adam steps per tile, and whether it is refined in tiles. */
    record Scale(int height, int width, int iterations, boolean tiled) {}

    private ScaleSchedule() {}

    /**
     * @param height the result's height
     * @param width the result's width
     * @param tile the longest side the loss network is run on at once
     * @param iterations the Adam steps at the smallest scale
     * @return the scales, smallest first, ending at {@code height x width}
     */
    static List<Scale> plan(int height, int width, int tile, int iterations) {
        if (tile < 16)
            throw new IllegalArgumentException("--tile must be at least 16, got " + tile);
        List<int[]> sizes = new ArrayList<>();
        int h = height;
        int w = width;
        sizes.add(new int[] {h, w});
        while (Math.max(h, w) > tile) {
            h = Math.max(1, (int) Math.round(h / 2.0));
            w = Math.max(1, (int) Math.round(w / 2.0));
            sizes.add(0, new int[] {h, w});
        }
        List<Scale> plan = new ArrayList<>();
        for (int k = 0; k < sizes.size(); k++) {
            int[] s = sizes.get(k);
            plan.add(new Scale(s[0], s[1], Math.max(1, iterations >> k), k > 0));
        }
        return plan;
    }
}
