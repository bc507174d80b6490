package io.dlkit.plugins.face.detect;

/**
 * A detected face: its box in pixels of the original image (not rounded) and its score.
 *
 * @param x left
 * @param y top
 * @param width width
 * @param height height
 * @param score the detector's confidence, 0-1
 */
public record FaceBox(double x, double y, double width, double height, double score) {
    /** The right edge. */
    public double right() {
        return x + width;
    }

    /** The bottom edge. */
    public double bottom() {
        return y + height;
    }

    /** Intersection over union with {@code o} (0 when either box is empty). */
    public double iou(FaceBox o) {
        double iw = Math.min(right(), o.right()) - Math.max(x, o.x);
        double ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        return inter / (width * height + o.width * o.height - inter);
    }

    /**
     * face-api's {@code clipAtImageBorders(w, h).floor()}: the whole-pixel box that is cut out of
     * the image for the next network.
     *
     * @return {@code {x, y, width, height}}
     */
    public int[] clipped(int imageWidth, int imageHeight) {
        double cx = Math.max(x, 0);
        double cy = Math.max(y, 0);
        double w = Math.min(right() - cx, imageWidth - cx);
        double h = Math.min(bottom() - cy, imageHeight - cy);
        return new int[] {
            (int) Math.floor(cx), (int) Math.floor(cy), (int) Math.floor(w), (int) Math.floor(h)
        };
    }
}
