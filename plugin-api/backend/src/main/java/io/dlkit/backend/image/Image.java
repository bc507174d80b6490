package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * An image as float pixels in height x width x channels (HWC) row-major order, the layout
 * TensorFlow's image ops use. Channels are 1 (grey), 3 (RGB) or 4 (RGBA, alpha not premultiplied);
 * values are nominally in [0, 1], with 0 black or transparent.
 *
 * <p>Immutable by convention: the constructor takes ownership of the array (no copy, so do not
 * change it afterwards) and {@link #data()} returns a copy. The value of row {@code y}, column
 * {@code x}, channel {@code c} is {@code data[(y * width + x) * channels + c]}.
 *
 * <pre>{@code
 * Image img = Images.read(Path.of("street.jpg"), 3);
 * try (TFloat32 batch = Images.resize(img, 416, 416).toTensor()) { ... }  // [1, 416, 416, 3]
 * }</pre>
 */
public final class Image {
    private final float[] data;
    private final int height;
    private final int width;
    private final int channels;

    /**
     * Wraps HWC pixel values.
     *
     * @throws IllegalArgumentException if a size is below 1, channels is not 1, 3 or 4, or the data
     *     length is not {@code height * width * channels}
     */
    public Image(float[] data, int height, int width, int channels) {
        requireNonNull(data, "data is null");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "image height and width must be >= 1, got " + height + "x" + width);
        }
        checkChannels(channels);
        if ((long) height * width * channels != data.length) {
            throw new IllegalArgumentException(
                    "data has "
                            + data.length
                            + " values but a "
                            + height
                            + "x"
                            + width
                            + "x"
                            + channels
                            + " image needs "
                            + (long) height * width * channels);
        }
        this.data = data;
        this.height = height;
        this.width = width;
        this.channels = channels;
    }

    /**
     * Copies a float tensor of shape {@code [h, w, c]} or {@code [1, h, w, c]} into an image. The
     * tensor stays open; the caller closes it.
     *
     * @throws IllegalArgumentException for any other shape, or c not in {1, 3, 4}
     */
    public static Image fromTensor(TFloat32 tensor) {
        requireNonNull(tensor, "tensor is null");
        long[] s = tensor.shape().asArray();
        boolean batchOfOne = s.length == 4 && s[0] == 1;
        if (s.length != 3 && !batchOfOne) {
            throw new IllegalArgumentException(
                    "expected an image tensor of shape [h, w, c] or "
                            + "[1, h, w, c], got "
                            + tensor.shape()
                            + "; slice one image out of the batch");
        }
        int o = s.length - 3;
        float[] out = new float[Math.toIntExact(tensor.shape().size())];
        tensor.copyTo(DataBuffers.of(out, false, false));
        return new Image(out, (int) s[o], (int) s[o + 1], (int) s[o + 2]);
    }

    /**
     * Copies the pixels into a new float tensor of shape {@code [1, height, width, channels]}, a
     * batch of one. This loads the TensorFlow native runtime; the caller must close the tensor.
     */
    public TFloat32 toTensor() {
        return TFloat32.tensorOf(
                Shape.of(1, height, width, channels), DataBuffers.of(data, true, false));
    }

    /** Rows. */
    public int height() {
        return height;
    }

    /** Columns. */
    public int width() {
        return width;
    }

    /** 1 (grey), 3 (RGB) or 4 (RGBA). */
    public int channels() {
        return channels;
    }

    /** The value at row {@code y}, column {@code x}, channel {@code c}. */
    public float get(int y, int x, int c) {
        if (y < 0 || y >= height || x < 0 || x >= width || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException(
                    "pixel (y="
                            + y
                            + ", x="
                            + x
                            + ", c="
                            + c
                            + ") is outside the "
                            + height
                            + "x"
                            + width
                            + "x"
                            + channels
                            + " image");
        }
        return data[(y * width + x) * channels + c];
    }

    /** A copy of all values in HWC order. */
    public float[] data() {
        return data.clone();
    }

    /** The backing array itself, for this package; never modify it. */
    float[] raw() {
        return data;
    }

    /** For example {@code Image[480x640x3]} (height x width x channels). */
    @Override
    public String toString() {
        return "Image[" + height + "x" + width + "x" + channels + "]";
    }

    static void checkChannels(int channels) {
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("channels must be 1, 3 or 4, got " + channels);
        }
    }
}
