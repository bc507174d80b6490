package io.dlkit.plugins.detector.anchors;

/** A box's width and height, without a position: what anchors are made of. */
public record BoxSize(double width, double height) {
    /** Validates the size. */
    public BoxSize {
        if (!(width > 0 && height > 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
            throw new IllegalArgumentException(
                    "box width and height must be positive and finite, got "
                            + width
                            + " x "
                            + height);
        }
    }

    /** Width times height. */
    public double area() {
        return width * height;
    }
}
