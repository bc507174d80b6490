package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The classic augmentation of small-image classifiers (the CIFAR recipe of He et al., 2015), on
 * batches of {@code [height, width, channels]} images:
 *
 * <ul>
 *   <li><b>flip</b>: each image is mirrored left-right with probability 1/2;
 *   <li><b>crop:P</b>: each image is zero-padded by {@code P} pixels on every side and a random
 *       {@code height x width} window is cut out of it, which shifts the image by {@code dy, dx}
 *       drawn uniformly from {@code -P..P}: {@code out(y, x) = in(y + dy, x + dx)}, or the fill
 *       value where that falls outside the image.
 * </ul>
 *
 * With both, the crop comes first, then the flip: {@code out(y, x) = in(y + dy, W - 1 - x + dx)}
 * for flipped images. Every output pixel is an input pixel or the fill, so an augmented image is an
 * exact permutation (flip) or shift (crop) of the original. The fill is 0 (black) per channel by
 * default; when the data were normalized before augmentation, pass {@link
 * ChannelNormalization#normalizedZero()} so that the padding is still black.
 *
 * <p>The draws for a batch come from a {@link SplittableRandom} seeded with the batch's seed, one
 * sample after another (flip, then dy, then dx), so the same seed gives the same batch. An instance
 * keeps one image of scratch space: use it from one thread.
 *
 * <pre>{@code
 * BatchAugmenter a = ImageAugmenter.parse("flip,crop:4").setImageShape(32, 32, 3).build();
 * }</pre>
 */
public final class ImageAugmenter implements BatchAugmenter {
    private final int height;
    private final int width;
    private final int channels;
    private final boolean flip;
    private final int padding;
    private final float[] fill;
    private final float[] scratch;

    private ImageAugmenter(Builder b) {
        this.height = b.height;
        this.width = b.width;
        this.channels = b.channels;
        this.flip = b.flip;
        this.padding = b.padding;
        this.fill = b.fill != null ? b.fill.clone() : new float[channels];
        this.scratch = new float[height * width * channels];
    }

    /** A builder with no augmentation chosen yet. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder with the augmentations of a comma-separated spec: {@code flip}, {@code crop:P}
     * ({@code P} pixels of padding; 0 is off), or {@code none}, e.g. {@code "flip,crop:4"}.
     *
     * @throws IllegalArgumentException naming an unknown or malformed item
     */
    public static Builder parse(String spec) {
        requireNonNull(spec, "spec is null");
        Builder b = new Builder();
        for (String raw : spec.split(",")) {
            String item = raw.trim().toLowerCase(Locale.ROOT);
            if (item.equals("flip")) {
                b.optFlip(true);
            } else if (item.startsWith("crop:") && item.substring(5).matches("\\d{1,4}")) {
                b.optCrop(Integer.parseInt(item.substring(5)));
            } else if (!item.equals("none")) {
                throw new IllegalArgumentException(
                        "augmentation '"
                                + raw.trim()
                                + "' is unknown; use flip, crop:P (shift by up to P pixels),"
                                + " both as flip,crop:4, or none");
            }
        }
        return b;
    }

    /** The canonical spec, {@code "flip,crop:4"}, {@code "flip"} or {@code "none"}. */
    public String spec() {
        return spec(flip, padding);
    }

    /** Whether this changes nothing (neither flip nor crop). */
    public boolean isIdentity() {
        return !flip && padding == 0;
    }

    @Override
    public void augment(float[] features, int rows, long seed) {
        requireNonNull(features, "features is null");
        int size = scratch.length;
        if (rows < 0 || (long) rows * size > features.length) {
            throw new IllegalArgumentException(
                    rows
                            + " images of "
                            + size
                            + " values do not fit a buffer of "
                            + features.length);
        }
        if (isIdentity()) return;
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            boolean mirror = flip && random.nextBoolean();
            int dy = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
            int dx = padding > 0 ? random.nextInt(2 * padding + 1) - padding : 0;
            if (mirror || dy != 0 || dx != 0) transform(features, r * size, mirror, dy, dx);
        }
    }

    private void transform(float[] x, int base, boolean mirror, int dy, int dx) {
        System.arraycopy(x, base, scratch, 0, scratch.length);
        int rowSize = width * channels;
        for (int y = 0; y < height; y++) {
            int out = base + y * rowSize;
            int sy = y + dy;
            if (sy < 0 || sy >= height) {
                fill(x, out, 0, width);
            } else if (!mirror) {
                int from = Math.max(0, -dx);
                int to = Math.min(width, width - dx);
                fill(x, out, 0, from);
                System.arraycopy(
                        scratch,
                        (sy * width + from + dx) * channels,
                        x,
                        out + from * channels,
                        (to - from) * channels);
                fill(x, out, to, width);
            } else {
                for (int col = 0; col < width; col++) {
                    int sx = width - 1 - col + dx;
                    if (sx < 0 || sx >= width) {
                        fill(x, out, col, col + 1);
                    } else {
                        System.arraycopy(
                                scratch,
                                (sy * width + sx) * channels,
                                x,
                                out + col * channels,
                                channels);
                    }
                }
            }
        }
    }

    private void fill(float[] x, int rowStart, int fromCol, int toCol) {
        for (int col = fromCol; col < toCol; col++) {
            System.arraycopy(fill, 0, x, rowStart + col * channels, channels);
        }
    }

    private static String spec(boolean flip, int padding) {
        List<String> items = new ArrayList<>();
        if (flip) items.add("flip");
        if (padding > 0) items.add("crop:" + padding);
        return items.isEmpty() ? "none" : String.join(",", items);
    }

    @Override
    public String toString() {
        return "ImageAugmenter["
                + spec()
                + ", "
                + height
                + "x"
                + width
                + "x"
                + channels
                + ", fill "
                + Arrays.toString(fill)
                + "]";
    }

    /** Builds an {@link ImageAugmenter}; the image shape is required. */
    public static final class Builder {
        private int height;
        private int width;
        private int channels;
        private boolean flip;
        private int padding;
        private float[] fill;

        private Builder() {}

        /**
         * The shape of one image, {@code [height, width, channels]} (required).
         *
         * @throws IllegalArgumentException for another rank or a size below 1
         */
        public Builder setImageShape(long... shape) {
            requireNonNull(shape, "shape is null");
            if (shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1) {
                throw new IllegalArgumentException(
                        "flip and crop augment images of shape [height, width, channels], not "
                                + Arrays.toString(shape));
            }
            this.height = Math.toIntExact(shape[0]);
            this.width = Math.toIntExact(shape[1]);
            this.channels = Math.toIntExact(shape[2]);
            return this;
        }

        /** Mirror each image left-right with probability 1/2 (default: off). */
        public Builder optFlip(boolean flip) {
            this.flip = flip;
            return this;
        }

        /** Pad by {@code padding} pixels and crop back, i.e. shift by up to that (0 = off). */
        public Builder optCrop(int padding) {
            if (padding < 0) {
                throw new IllegalArgumentException("crop padding must be >= 0, got " + padding);
            }
            this.padding = padding;
            return this;
        }

        /** The value of each channel where a crop reaches past the image (default: 0). */
        public Builder optFill(float... fill) {
            this.fill = requireNonNull(fill, "fill is null").clone();
            return this;
        }

        /** The spec of what is chosen so far, as {@link ImageAugmenter#spec()}. */
        public String spec() {
            return ImageAugmenter.spec(flip, padding);
        }

        /**
         * The augmenter.
         *
         * @throws IllegalStateException if the image shape was not set
         * @throws IllegalArgumentException if the padding is not smaller than the image or the fill
         *     has not one value per channel
         */
        public ImageAugmenter build() {
            if (height == 0) {
                throw new IllegalStateException(
                        "setImageShape(height, width, channels) was not" + " called");
            }
            if (padding >= Math.min(height, width)) {
                throw new IllegalArgumentException(
                        "crop:"
                                + padding
                                + " would shift a "
                                + height
                                + "x"
                                + width
                                + " image out of sight; use a padding below "
                                + Math.min(height, width));
            }
            if (fill != null && fill.length != channels) {
                throw new IllegalArgumentException(
                        "fill has " + fill.length + " values for " + channels + " channels");
            }
            return new ImageAugmenter(this);
        }
    }
}
