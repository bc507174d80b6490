package io.dlkit.plugins.detector.boxes;

/**
 * Intersection over union of two boxes, as the notes define it: the area of the intersection
 * divided by the area of the union. Boxes are given in corner form {@code (x1, y1, x2, y2)} or
 * centre form {@code (cx, cy, w, h)}; an empty box (zero or negative width or height) has IoU 0
 * with everything.
 */
public final class Iou {
    private Iou() {}

    /** IoU of two boxes in corner form. */
    public static double corners(
            double ax1,
            double ay1,
            double ax2,
            double ay2,
            double bx1,
            double by1,
            double bx2,
            double by2) {
        double areaA = Math.max(0, ax2 - ax1) * Math.max(0, ay2 - ay1);
        double areaB = Math.max(0, bx2 - bx1) * Math.max(0, by2 - by1);
        if (areaA <= 0 || areaB <= 0) {
            return 0;
        }
        double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
        double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (areaA + areaB - inter);
    }

    /** IoU of two boxes in centre form {@code (cx, cy, w, h)}. */
    public static double centers(
            double acx,
            double acy,
            double aw,
            double ah,
            double bcx,
            double bcy,
            double bw,
            double bh) {
        return corners(
                acx - aw / 2,
                acy - ah / 2,
                acx + aw / 2,
                acy + ah / 2,
                bcx - bw / 2,
                bcy - bh / 2,
                bcx + bw / 2,
                bcy + bh / 2);
    }

    /**
     * IoU of two boxes of sizes {@code (aw, ah)} and {@code (bw, bh)} placed at the same corner (or
     * centre): how YOLO compares a box with an anchor, and the k-means distance {@code 1 - IoU}.
     */
    public static double aligned(double aw, double ah, double bw, double bh) {
        if (aw <= 0 || ah <= 0 || bw <= 0 || bh <= 0) {
            return 0;
        }
        double inter = Math.min(aw, bw) * Math.min(ah, bh);
        return inter / (aw * ah + bw * bh - inter);
    }
}
