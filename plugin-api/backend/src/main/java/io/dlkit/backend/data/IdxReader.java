package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST ({@code train-images-idx3-ubyte}, {@code
 * train-labels-idx1-ubyte} and their {@code t10k-} test twins), gzipped or not: a gzip stream is
 * recognised by its first two bytes, whatever the file's name.
 *
 * <p>An image file is a big-endian header (magic number 2051, count, rows, columns) followed by
 * {@code count*rows*cols} unsigned bytes; a label file is a header (magic number 2049, count)
 * followed by {@code count} unsigned bytes. Pixels become floats {@code value / 255} in [0, 1]; a
 * data set's features have the shape {@code [rows, cols, 1]} (height, width, channels), which a
 * dense network views as {@code [rows*cols]} with {@link Dataset#reshaped}.
 */
public final class IdxReader {
    /** The magic number of an IDX file of unsigned bytes with three dimensions: images. */
    public static final int IMAGES_MAGIC = 2051;

    /** The magic number of an IDX file of unsigned bytes with one dimension: labels. */
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() {}

    /**
     * The images of an IDX image file.
     *
     * @param count the number of images
     * @param rows the height of each image
     * @param cols the width of each image
     * @param pixels {@code count*rows*cols} values in [0, 1], image by image, row by row
     */
    public record Images(int count, int rows, int cols, float[] pixels) {}

    /**
     * Reads images and their labels into a classification data set with features of shape {@code
     * [rows, cols, 1]} and {@code max(label) + 1} classes.
     *
     * @throws DataFormatException if a file is not a well-formed IDX file of its kind, or the files
     *     hold different numbers of samples
     */
    public static Dataset read(Path images, Path labels) throws IOException {
        Images x = readImages(images);
        int[] y = readLabels(labels);
        if (y.length != x.count()) {
            throw new DataFormatException(
                    labels
                            + ": "
                            + y.length
                            + " labels for the "
                            + x.count()
                            + " images in "
                            + images
                            + "; use the label file that belongs to the images");
        }
        int max = 0;
        for (int label : y) {
            max = Math.max(max, label);
        }
        return Dataset.ofClasses(x.pixels(), y, max + 1, x.rows(), x.cols(), 1);
    }

    /**
     * Reads an IDX image file (magic number 2051).
     *
     * @throws DataFormatException if the file is empty, not an image file, or truncated
     */
    public static Images readImages(Path path) throws IOException {
        ByteBuffer b = open(path, IMAGES_MAGIC, "image", 16);
        int count = dimension(b, path, "image count");
        int rows = dimension(b, path, "row count");
        int cols = dimension(b, path, "column count");
        long expected = (long) count * rows * cols;
        String what = count + " images of " + rows + "x" + cols;
        checkLength(b, path, what, expected);
        float[] pixels = Pixels.fromUnsignedBytes(b.array(), b.position(), (int) expected);
        return new Images(count, rows, cols, pixels);
    }

    /**
     * Reads an IDX label file (magic number 2049): one unsigned byte per sample.
     *
     * @throws DataFormatException if the file is empty, not a label file, or truncated
     */
    public static int[] readLabels(Path path) throws IOException {
        ByteBuffer b = open(path, LABELS_MAGIC, "label", 8);
        int count = dimension(b, path, "label count");
        checkLength(b, path, count + " labels", count);
        int[] labels = new int[count];
        byte[] raw = b.array();
        int offset = b.position();
        for (int i = 0; i < count; i++) {
            labels[i] = raw[offset + i] & 0xFF;
        }
        return labels;
    }

    private static ByteBuffer open(Path path, int magic, String kind, int headerSize)
            throws IOException {
        requireNonNull(path, "path is null");
        byte[] bytes = readBytes(path);
        String expected = "expected an IDX " + kind + " file (magic number " + magic + ")";
        if (bytes.length == 0) {
            throw new DataFormatException(path + ": the file is empty; " + expected);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        int found = bytes.length >= 4 ? b.getInt() : -1;
        if (found != magic) {
            String hint =
                    found == IMAGES_MAGIC
                            ? "; this is an image file"
                            : found == LABELS_MAGIC ? "; this is a label file" : "";
            throw new DataFormatException(
                    path + ": magic number " + found + ", " + expected + hint);
        }
        if (bytes.length < headerSize) {
            throw new DataFormatException(
                    path
                            + ": truncated header of "
                            + bytes.length
                            + " bytes; an IDX "
                            + kind
                            + " header has "
                            + headerSize);
        }
        return b;
    }

    private static byte[] readBytes(Path path) throws IOException {
        InputFiles.requireRegularFile(path, "an IDX file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            if (!gzip) {
                return raw.readAllBytes();
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return in.readAllBytes();
            } catch (ZipException | EOFException e) {
                throw new DataFormatException(
                        path
                                + ": corrupt gzip data ("
                                + e.getMessage()
                                + "); download the file again",
                        e);
            }
        }
    }

    private static int dimension(ByteBuffer b, Path path, String name) {
        int n = b.getInt();
        if (n < 0) {
            throw new DataFormatException(path + ": negative " + name + " " + n + " in the header");
        }
        return n;
    }

    private static void checkLength(ByteBuffer b, Path path, String what, long expected) {
        long actual = b.remaining();
        if (actual < expected) {
            throw new DataFormatException(
                    path
                            + ": truncated: the header promises "
                            + what
                            + " ("
                            + expected
                            + " bytes) but "
                            + actual
                            + " bytes follow");
        }
        if (actual > expected) {
            throw new DataFormatException(
                    path
                            + ": "
                            + (actual - expected)
                            + " unexpected bytes"
                            + " after "
                            + what
                            + "; the header and the data disagree");
        }
    }
}
