package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.AtomicFiles;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads, writes, converts and resizes {@link Image}s, in pure Java.
 *
 * <pre>{@code
 * Image img = Images.read(Path.of("face.png"), 3);   // RGB, whatever the file holds
 * Image small = Images.resize(img, 160, 160);
 * Images.write(Path.of("out/face-160.jpg"), small);
 * }</pre>
 */
public final class Images {
    /** Larger files are refused before they are read into memory. */
    static final long MAX_FILE_BYTES = 1L << 30;

    private static final float LUMA_R = 0.299f;
    private static final float LUMA_G = 0.587f;
    private static final float LUMA_B = 0.114f;

    private Images() {}

    /**
     * Reads an image file with javax.imageio: PNG (grey, grey+alpha, RGB, RGBA, palette; 1 to 16
     * bits), JPEG (grey, RGB), BMP and GIF. Samples are divided by the largest value of their bit
     * depth (255, or 65535 for 16-bit). Grey+alpha becomes RGBA, a palette RGB or RGBA (grey if the
     * palette is grey). The format comes from the content, not the extension.
     *
     * @throws DataFormatException if the file is empty, not an image, truncated or corrupt
     * @throws IOException if the file cannot be read
     */
    public static Image read(Path path) throws IOException {
        requireNonNull(path, "path is null");
        InputFiles.requireRegularFile(path, "an image file");
        long size = Files.size(path);
        if (size > MAX_FILE_BYTES) {
            throw new DataFormatException(
                    path
                            + ": the file has "
                            + size
                            + " bytes, over the 1 GiB limit for an image; downscale it first");
        }
        return ImageDecoding.decode(Files.readAllBytes(path), path.toString());
    }

    /**
     * Decodes the bytes of an image file (read from a data set rather than a file) exactly as
     * {@link #read(Path)} decodes a file's; {@code source} names it in error messages.
     *
     * @throws DataFormatException if the bytes are empty, not an image, truncated or corrupt
     */
    public static Image decode(byte[] bytes, String source) {
        requireNonNull(bytes, "bytes is null");
        return ImageDecoding.decode(bytes, requireNonNull(source, "source is null"));
    }

    /**
     * Reads an image file as {@link #read(Path)} does, then converts it to {@code channels} (1, 3
     * or 4) as {@link #convert(Image, int)} does.
     */
    public static Image read(Path path, int channels) throws IOException {
        Image.checkChannels(channels);
        return convert(read(path), channels);
    }

    /**
     * Converts to 1, 3 or 4 channels: grey to RGB replicates the value; RGB to grey is the ITU-R
     * BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B}; alpha is dropped, or added as 1 (opaque).
     * Returns {@code image} itself if it already has that many channels.
     */
    public static Image convert(Image image, int channels) {
        requireNonNull(image, "image is null");
        Image.checkChannels(channels);
        int from = image.channels();
        if (from == channels) {
            return image;
        }
        float[] in = image.raw();
        int pixels = image.height() * image.width();
        float[] out = new float[pixels * channels];
        for (int p = 0; p < pixels; p++) {
            int i = p * from;
            float grey =
                    from == 1 ? in[i] : LUMA_R * in[i] + LUMA_G * in[i + 1] + LUMA_B * in[i + 2];
            for (int c = 0; c < Math.min(channels, 3); c++) {
                out[p * channels + c] = channels == 1 ? grey : from == 1 ? in[i] : in[i + c];
            }
            if (channels == 4) {
                out[p * channels + 3] = from == 4 ? in[i + 3] : 1f;
            }
        }
        return new Image(out, image.height(), image.width(), channels);
    }

    /**
     * Writes an 8-bit PNG ({@code .png}) or JPEG ({@code .jpg}, {@code .jpeg}; quality 0.92, alpha
     * dropped), chosen by the extension, atomically (see {@link AtomicFiles}). Values are clamped
     * to [0, 1] and rounded to 0..255.
     *
     * @throws DataFormatException if the extension is not one of those
     * @throws IOException if the file cannot be written
     */
    public static void write(Path path, Image image) throws IOException {
        AtomicFiles.write(path, encode(path, image));
    }

    /**
     * The bytes {@link #write} would write to {@code path}: an 8-bit PNG or JPEG chosen by its
     * extension (for writers that put the file in place themselves, such as dlkit's {@code
     * OutputWriter}).
     *
     * @throws DataFormatException if the extension is not {@code .png}, {@code .jpg} or {@code
     *     .jpeg}
     */
    public static byte[] encode(Path path, Image image) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(image, "image is null");
        Path name = path.getFileName();
        String format =
                ImageEncoding.formatOf(name == null ? "" : name.toString(), path.toString());
        return ImageEncoding.encode(image, format);
    }

    /**
     * Resizes bilinearly with half-pixel centres: output pixel {@code i} samples the source at
     * {@code (i + 0.5) * in / out - 0.5}, clamped to the edges. This matches TensorFlow's {@code
     * tf.image.resizeBilinear(..., ResizeBilinear.halfPixelCenters(true))} (and Keras' {@code
     * Resizing(interpolation="bilinear")}) to float precision. No anti-aliasing when shrinking.
     *
     * @throws IllegalArgumentException if {@code height} or {@code width} is below 1
     */
    public static Image resize(Image image, int height, int width) {
        requireNonNull(image, "image is null");
        if (height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "resize height and width must be >= 1, got " + height + "x" + width);
        }
        return Bilinear.resize(image, height, width);
    }
}
