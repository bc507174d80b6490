package io.dlkit.plugins.detector.proposals;

import io.dlkit.plugins.detector.boxes.BoundingBox;

/** A region during selective search: its colour histogram (L1-normalised), size and box. */
record Region(float[] histogram, int size, BoundingBox box) {
    /** The region of two merged ones: size-weighted histogram, summed size, union box. */
    Region merge(Region o) {
        float[] h = new float[histogram.length];
        for (int i = 0; i < h.length; i++) {
            h[i] = (histogram[i] * size + o.histogram[i] * o.size) / (size + o.size);
        }
        BoundingBox b =
                new BoundingBox(
                        Math.min(box.x1(), o.box.x1()),
                        Math.min(box.y1(), o.box.y1()),
                        Math.max(box.x2(), o.box.x2()),
                        Math.max(box.y2(), o.box.y2()));
        return new Region(h, size + o.size, b);
    }

    /**
     * Selective search's similarity without the texture term: colour (histogram intersection) +
     * size ({@code 1 - (s_i + s_j) / s_image}) + fill ({@code 1 - (s_box - s_i - s_j) / s_image}),
     * each in [0, 1].
     */
    double similarity(Region o, double imageSize) {
        double colour = 0;
        for (int i = 0; i < histogram.length; i++) {
            colour += Math.min(histogram[i], o.histogram[i]);
        }
        double both = size + o.size;
        double boxArea =
                (Math.max(box.x2(), o.box.x2()) - Math.min(box.x1(), o.box.x1()))
                        * (double)
                                (Math.max(box.y2(), o.box.y2()) - Math.min(box.y1(), o.box.y1()));
        return colour + (1 - both / imageSize) + (1 - (boxArea - both) / imageSize);
    }
}
