package io.dlkit.plugins.detector.train;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabeledBox;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Detection augmentation as Darknet's YOLOv2 does it, drawn from one random source: a random scale
 * {@code s in [1 - jitter, 1 + jitter]} and shift {@code (dx, dy) in [-jitter, jitter]} of the
 * image (uncovered pixels grey, 0.5), a horizontal flip with probability one half, and colour
 * jitter (saturation and exposure factors in {@code [1/f, f]}); the boxes move with the pixels
 * (clipped to the image, dropped when less than a quarter of them is left or narrower than 2% of
 * it). The source of every output pixel is computed in the input's fractions:
 *
 * <pre>
 * u' = (u - 0.5 - dx) / s + 0.5,  then u' = 1 - u' when flipped        (same for v, no flip)
 * box x' = (x - 0.5) s + 0.5 + dx,  with x first mirrored (1 - x) when flipped
 * </pre>
 *
 * @param jitter the largest relative scale change and shift (0 = none)
 * @param flip whether to flip half of the images
 * @param colour the saturation and exposure factor bound f (1 = none)
 */
public record Augmentation(double jitter, boolean flip, double colour) {
    /** No augmentation. */
    public static final Augmentation NONE = new Augmentation(0, false, 1);

    /** Darknet-like defaults for small data sets: jitter 0.2, flips, colour factor 1.5. */
    public static final Augmentation DEFAULT = new Augmentation(0.2, true, 1.5);

    /** Checks the ranges. */
    public Augmentation {
        if (!(jitter >= 0 && jitter < 0.5)) {
            throw new IllegalArgumentException("jitter must be in [0, 0.5), got " + jitter);
        }
        if (!(colour >= 1 && colour <= 3)) {
            throw new IllegalArgumentException("colour factor must be in [1, 3], got " + colour);
        }
    }

    /**
     * Augments one {@code size x size} RGB image (values in [0, 1], HWC) into {@code out} at {@code
     * offset} and returns its moved boxes.
     */
    public List<LabeledBox> apply(
            float[] image,
            int size,
            List<LabeledBox> boxes,
            SplittableRandom r,
            float[] out,
            int offset) {
        double s = 1 + jitter * (2 * r.nextDouble() - 1);
        double dx = jitter * (2 * r.nextDouble() - 1);
        double dy = jitter * (2 * r.nextDouble() - 1);
        boolean flipped = flip && r.nextBoolean();
        double sat = factor(r);
        double exposure = factor(r);
        for (int y = 0; y < size; y++) {
            double v = ((y + 0.5) / size - 0.5 - dy) / s + 0.5;
            int sy = (int) Math.floor(v * size);
            for (int x = 0; x < size; x++) {
                double u = ((x + 0.5) / size - 0.5 - dx) / s + 0.5;
                if (flipped) u = 1 - u;
                int sx = (int) Math.floor(u * size);
                int at = offset + (y * size + x) * 3;
                if (sx < 0 || sy < 0 || sx >= size || sy >= size) {
                    out[at] = out[at + 1] = out[at + 2] = 0.5f;
                } else {
                    colour(image, (sy * size + sx) * 3, sat, exposure, out, at);
                }
            }
        }
        List<LabeledBox> moved = new ArrayList<>();
        for (LabeledBox b : boxes) {
            LabeledBox m = move(b, s, dx, dy, flipped);
            if (m != null) moved.add(m);
        }
        return moved;
    }

    private double factor(SplittableRandom r) {
        double f = 1 + (colour - 1) * r.nextDouble();
        return r.nextBoolean() ? f : 1 / f;
    }

    private static void colour(
            float[] in, int from, double sat, double exposure, float[] out, int at) {
        float grey = (in[from] + in[from + 1] + in[from + 2]) / 3f;
        for (int c = 0; c < 3; c++) {
            double v = (grey + sat * (in[from + c] - grey)) * exposure;
            out[at + c] = (float) Math.min(1, Math.max(0, v));
        }
    }

    private static LabeledBox move(LabeledBox b, double s, double dx, double dy, boolean flipped) {
        BoundingBox o = b.box();
        // the output shows the source mirrored, then scaled and shifted: x' = T(1 - x)
        double ox1 = flipped ? 1 - o.x2() : o.x1();
        double ox2 = flipped ? 1 - o.x1() : o.x2();
        double x1 = (ox1 - 0.5) * s + 0.5 + dx;
        double x2 = (ox2 - 0.5) * s + 0.5 + dx;
        double y1 = (o.y1() - 0.5) * s + 0.5 + dy;
        double y2 = (o.y2() - 0.5) * s + 0.5 + dy;
        double full = (x2 - x1) * (y2 - y1);
        x1 = Math.max(0, x1);
        y1 = Math.max(0, y1);
        x2 = Math.min(1, x2);
        y2 = Math.min(1, y2);
        if (x2 - x1 < 0.02 || y2 - y1 < 0.02 || (x2 - x1) * (y2 - y1) < 0.25 * full) return null;
        return new LabeledBox(
                b.classId(), new BoundingBox((float) x1, (float) y1, (float) x2, (float) y2));
    }
}
