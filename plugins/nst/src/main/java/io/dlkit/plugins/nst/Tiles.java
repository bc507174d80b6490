package io.dlkit.plugins.nst;

import java.util.ArrayList;
import java.util.List;

/**
 * Overlapping tiles of an image and their blending back: tiles of {@code tile x tile} (smaller only
 * when the image is), starting every {@code tile - overlap} pixels, the last flush with the edge; a
 * refined tile is written back with weights rising linearly from 0 to 1 across the overlap on each
 * side that borders another tile, so no seam shows.
 */
final class Tiles {
    /** One tile: its top-left corner and size. */
    record Tile(int y, int x, int height, int width) {}

    private Tiles() {}

    /** Tile starts along an axis of {@code length}. */
    static int[] starts(int length, int tile, int overlap) {
        if (length <= tile) return new int[] {0};
        int step = Math.max(1, tile - overlap);
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < length - tile; s += step) out.add(s);
        out.add(length - tile);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** All tiles of a {@code height x width} image, row by row. */
    static List<Tile> grid(int height, int width, int tile, int overlap) {
        int th = Math.min(tile, height);
        int tw = Math.min(tile, width);
        List<Tile> out = new ArrayList<>();
        for (int y : starts(height, tile, overlap)) {
            for (int x : starts(width, tile, overlap)) out.add(new Tile(y, x, th, tw));
        }
        return out;
    }

    /** The tile's pixels cut from an HWC image of width {@code width}. */
    static float[] crop(float[] image, int width, Tile t) {
        float[] out = new float[t.height() * t.width() * 3];
        for (int r = 0; r < t.height(); r++) {
            System.arraycopy(
                    image,
                    ((t.y() + r) * width + t.x()) * 3,
                    out,
                    r * t.width() * 3,
                    t.width() * 3);
        }
        return out;
    }

    /**
     * Blends {@code pixels} of tile {@code t} into {@code image} ({@code height x width}): weight 1
     * inside, rising linearly over {@code overlap} pixels from each edge that is not the image's.
     */
    static void blend(float[] image, int height, int width, Tile t, float[] pixels, int overlap) {
        for (int r = 0; r < t.height(); r++) {
            float wy = ramp(r, t.height(), t.y() > 0, t.y() + t.height() < height, overlap);
            for (int c = 0; c < t.width(); c++) {
                float wx = ramp(c, t.width(), t.x() > 0, t.x() + t.width() < width, overlap);
                float w = wy * wx;
                int dst = ((t.y() + r) * width + t.x() + c) * 3;
                int src = (r * t.width() + c) * 3;
                for (int k = 0; k < 3; k++) {
                    image[dst + k] = w * pixels[src + k] + (1 - w) * image[dst + k];
                }
            }
        }
    }

    /**
     * The weight of position {@code i} of {@code n}: (i + 1) / (overlap + 1) near a shared edge.
     */
    static float ramp(int i, int n, boolean sharedStart, boolean sharedEnd, int overlap) {
        float w = 1f;
        if (sharedStart && i < overlap) w = Math.min(w, (i + 1f) / (overlap + 1f));
        if (sharedEnd && n - 1 - i < overlap) w = Math.min(w, (n - i) / (overlap + 1f));
        return w;
    }
}
