package io.dlkit.plugins.detector.boxes;

/**
 * An axis-aligned box in corner form: {@code (x1, y1)} top-left, {@code (x2, y2)} bottom-right, x
 * to the right and y down, in whatever unit the caller uses (pixels, or fractions of the image).
 *
 * <p>The centre form {@code (cx, cy, w, h)} used by YOLO labels and outputs converts with {@link
 * #fromCenter} and the {@code center*} accessors. A box with {@code x2 < x1} or {@code y2 < y1} is
 * empty: its area is 0.
 */
public record BoundingBox(float x1, float y1, float x2, float y2) {

    /** The box centred on {@code (cx, cy)} with width {@code w} and height {@code h}. */
    public static BoundingBox fromCenter(float cx, float cy, float w, float h) {
        return new BoundingBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    /** {@code x2 - x1}, or 0 for an empty box. */
    public float width() {
        return Math.max(0f, x2 - x1);
    }

    /** {@code y2 - y1}, or 0 for an empty box. */
    public float height() {
        return Math.max(0f, y2 - y1);
    }

    /** The centre's x. */
    public float centerX() {
        return (x1 + x2) / 2;
    }

    /** The centre's y. */
    public float centerY() {
        return (y1 + y2) / 2;
    }

    /** Width times height (0 for an empty box). */
    public double area() {
        return (double) width() * height();
    }

    /**
     * Intersection over union: the area both boxes cover divided by the area either covers, in [0,
     * 1]; 0 when either box is empty.
     */
    public double iou(BoundingBox other) {
        return Iou.corners(x1, y1, x2, y2, other.x1, other.y1, other.x2, other.y2);
    }

    /** This box with each coordinate multiplied: x by {@code sx}, y by {@code sy}. */
    public BoundingBox scale(float sx, float sy) {
        return new BoundingBox(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
    }

    /** This box cut to {@code [0, width] x [0, height]}. */
    public BoundingBox clip(float width, float height) {
        return new BoundingBox(
                clamp(x1, width), clamp(y1, height), clamp(x2, width), clamp(y2, height));
    }

    private static float clamp(float v, float max) {
        return Math.max(0f, Math.min(v, max));
    }
}
