package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
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

    /** The most data bytes one file may hold: one Java array. */
    static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

    private static final String[] DIMENSION_NAMES = {
        "label count", "image count", "row count", "column count"
    };

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
     * @throws DataFormatException if the file is empty, not an image file, truncated, or its header
     *     promises more than one array can hold (2 GiB)
     */
    public static Images readImages(Path path) throws IOException {
        Raw raw = read(path, IMAGES_MAGIC, "image", 3);
        int[] d = raw.dims();
        float[] pixels = Pixels.fromUnsignedBytes(raw.data(), 0, raw.data().length);
        return new Images(d[0], d[1], d[2], pixels);
    }

    /**
     * Reads an IDX label file (magic number 2049): one unsigned byte per sample.
     *
     * @throws DataFormatException if the file is empty, not a label file, or truncated
     */
    public static int[] readLabels(Path path) throws IOException {
        byte[] raw = read(path, LABELS_MAGIC, "label", 1).data();
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xFF;
        }
        return labels;
    }

    /** The dimensions a header gave and the data bytes after it. */
    private record Raw(int[] dims, byte[] data) {}

    private static Raw read(Path path, int magic, String kind, int rank) throws IOException {
        requireNonNull(path, "path is null");
        InputFiles.requireRegularFile(path, "an IDX file");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1F && raw.read() == 0x8B;
            raw.reset();
            if (!gzip) {
                return parse(raw, path, magic, kind, rank);
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return parse(in, path, magic, kind, rank);
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

    /** Reads the header, then exactly the bytes it promises, never more than really follow. */
    private static Raw parse(InputStream in, Path path, int magic, String kind, int rank)
            throws IOException {
        ByteBuffer b = header(in, path, magic, kind, 4 + 4 * rank);
        int[] dims = new int[rank];
        BigInteger bytes = BigInteger.ONE;
        for (int i = 0; i < rank; i++) {
            dims[i] = dimension(b, path, DIMENSION_NAMES[rank == 1 ? 0 : i + 1]);
            bytes = bytes.multiply(BigInteger.valueOf(dims[i]));
        }
        String what =
                rank == 1 ? dims[0] + " labels" : dims[0] + " images of " + dims[1] + "x" + dims[2];
        if (bytes.compareTo(BigInteger.valueOf(MAX_DATA_BYTES)) > 0) {
            throw new DataFormatException(
                    path
                            + ": the header promises "
                            + what
                            + " ("
                            + bytes
                            + " bytes), more than the "
                            + MAX_DATA_BYTES
                            + " bytes one file can hold; the header is corrupt or the file is"
                            + " not IDX");
        }
        int expected = bytes.intValueExact();
        // readNBytes grows its buffer as data arrives: a lying header allocates nothing extra.
        byte[] data = in.readNBytes(expected);
        if (data.length < expected) {
            throw new DataFormatException(
                    path
                            + ": truncated: the header promises "
                            + what
                            + " ("
                            + expected
                            + " bytes) but "
                            + data.length
                            + " bytes follow");
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw new DataFormatException(
                    path
                            + ": "
                            + extra
                            + " unexpected bytes after "
                            + what
                            + "; the header and the data disagree");
        }
        return new Raw(dims, data);
    }

    private static ByteBuffer header(
            InputStream in, Path path, int magic, String kind, int headerSize) throws IOException {
        byte[] bytes = in.readNBytes(headerSize);
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

    private static int dimension(ByteBuffer b, Path path, String name) {
        int n = b.getInt();
        if (n < 0) {
            throw new DataFormatException(path + ": negative " + name + " " + n + " in the header");
        }
        return n;
    }
}
