package io.dlkit.plugins.detector.synthetic;

/**
 * The settings of {@link ShapesGenerator}.
 *
 * @param imageSize width and height of each (square) image in pixels
 * @param minObjects the fewest shapes per image
 * @param maxObjects the most shapes per image (fewer when they do not fit without overlapping)
 * @param minSide the smallest shape side in pixels
 * @param maxSide the largest shape side in pixels
 */
public record ShapeOptions(
        int imageSize, int minObjects, int maxObjects, int minSide, int maxSide) {
    /** 128x128 images with 1 to 4 shapes of 16 to 48 pixels. */
    public static final ShapeOptions DEFAULTS = new ShapeOptions(128, 1, 4, 16, 48);

    /** Validates the ranges. */
    public ShapeOptions {
        if (imageSize < 8) {
            throw new IllegalArgumentException("imageSize must be >= 8, got " + imageSize);
        }
        if (minObjects < 0 || maxObjects < minObjects) {
            throw new IllegalArgumentException(
                    "need 0 <= minObjects <= maxObjects, got " + minObjects + ", " + maxObjects);
        }
        if (minSide < 4 || maxSide < minSide || maxSide > imageSize) {
            throw new IllegalArgumentException(
                    "need 4 <= minSide <= maxSide <= imageSize, got "
                            + minSide
                            + ", "
                            + maxSide
                            + ", "
                            + imageSize);
        }
    }
}
