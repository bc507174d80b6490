package io.dlkit.plugins.detector.proposals;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A segmentation: a component number per pixel (row-major), numbered {@code 0 .. count - 1} in the
 * order of their first pixel, and each component's bounding box in pixels (a region proposal).
 */
public record Segments(int height, int width, int count, int[] labels) {
    /** Copies the labels. */
    public Segments {
        labels = labels.clone();
    }

    static Segments of(DisjointSets sets, int h, int w) {
        int[] number = new int[h * w];
        Arrays.fill(number, -1);
        int[] labels = new int[h * w];
        int count = 0;
        for (int p = 0; p < h * w; p++) {
            int root = sets.find(p);
            if (number[root] < 0) {
                number[root] = count++;
            }
            labels[p] = number[root];
        }
        return new Segments(h, w, count, labels);
    }

    /** The component of pixel (x, y). */
    public int at(int x, int y) {
        return labels[y * width + x];
    }

    /** Each component's pixel size. */
    public int[] sizes() {
        int[] sizes = new int[count];
        for (int l : labels) {
            sizes[l]++;
        }
        return sizes;
    }

    /** Each component's bounding box in pixels, {@code [x1, x2)} by {@code [y1, y2)}. */
    public List<BoundingBox> boxes() {
        int[] minX = new int[count];
        int[] minY = new int[count];
        int[] maxX = new int[count];
        int[] maxY = new int[count];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        for (int p = 0; p < labels.length; p++) {
            int l = labels[p];
            int x = p % width;
            int y = p / width;
            minX[l] = Math.min(minX[l], x);
            minY[l] = Math.min(minY[l], y);
            maxX[l] = Math.max(maxX[l], x);
            maxY[l] = Math.max(maxY[l], y);
        }
        List<BoundingBox> out = new ArrayList<>(count);
        for (int l = 0; l < count; l++) {
            out.add(new BoundingBox(minX[l], minY[l], maxX[l] + 1, maxY[l] + 1));
        }
        return out;
    }
}
