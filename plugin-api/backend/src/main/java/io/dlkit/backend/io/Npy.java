package io.dlkit.backend.io;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes NumPy {@code .npy} files, the format of {@code numpy.save} and {@code
 * numpy.load}.
 *
 * <p>Reads format versions 1.0, 2.0 and 3.0, little- or big-endian, of the dtypes {@code f4 f8 i4
 * i8 u1 b1} in C order; writes version 1.0, little-endian, byte for byte as {@code numpy.save}
 * does. Headers and sizes are checked before any data is allocated, so a corrupt, truncated or
 * random file fails at once with a {@link DataFormatException} that names it.
 *
 * <pre>{@code
 * NdArray w = Npy.read(Path.of("dense_kernel.npy"));   // numpy.save("dense_kernel.npy", k)
 * float[] values = w.floats();
 * }</pre>
 */
public final class Npy {
    private Npy() {}

    /**
     * Reads a {@code .npy} file. The file must hold exactly the data its header describes.
     *
     * @throws DataFormatException if the content is not a supported, complete {@code .npy} array
     * @throws IOException if the file cannot be read
     */
    public static NdArray read(Path path) throws IOException {
        requireNonNull(path, "path is null");
        InputFiles.requireRegularFile(path, "a NumPy .npy file");
        String source = path.toString();
        long fileSize = Files.size(path);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            NpyHeader h = NpyHeader.read(in, source, fileSize);
            long found = fileSize - h.dataOffset;
            if (found != h.dataBytes) {
                throw sizeMismatch(source, h, found);
            }
            return NpyCodec.decode(in.readNBytes(h.dataBytes), h);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream, leaving the stream just after its data.
     *
     * @param source names the stream in error messages, e.g. a file or archive entry name
     * @throws DataFormatException if the content is not a supported, complete {@code .npy} array
     */
    public static NdArray read(InputStream in, String source) throws IOException {
        requireNonNull(in, "in is null");
        requireNonNull(source, "source is null");
        NpyHeader h = NpyHeader.read(in, source, Long.MAX_VALUE);
        // readNBytes grows its buffer as data arrives, so a header that lies about the shape
        // cannot make it allocate more than the stream really holds.
        byte[] raw = in.readNBytes(h.dataBytes);
        if (raw.length != h.dataBytes) {
            throw sizeMismatch(source, h, raw.length);
        }
        return NpyCodec.decode(raw, h);
    }

    /**
     * Writes {@code array} to {@code path} atomically (see {@link AtomicFiles}), replacing any
     * existing file.
     */
    public static void write(Path path, NdArray array) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(array, "array is null");
        AtomicFiles.write(path, out -> write(out, array));
    }

    /** Writes {@code array} as a version 1.0 little-endian {@code .npy} to a stream. */
    public static void write(OutputStream out, NdArray array) throws IOException {
        requireNonNull(out, "out is null");
        requireNonNull(array, "array is null");
        out.write(NpyHeader.format(array));
        NpyCodec.encode(array, out);
    }

    /** The exact bytes {@link #write(OutputStream, NdArray)} produces. */
    public static byte[] toBytes(NdArray array) {
        requireNonNull(array, "array is null");
        var out = new java.io.ByteArrayOutputStream(128 + array.size() * array.dtype().byteSize());
        try {
            write(out, array);
        } catch (IOException e) {
            throw new AssertionError("ByteArrayOutputStream does not throw", e);
        }
        return out.toByteArray();
    }

    private static DataFormatException sizeMismatch(String source, NpyHeader h, long found) {
        String what = found < h.dataBytes ? "truncated" : "has trailing bytes";
        return NpyHeader.fail(
                source,
                what
                        + ": shape "
                        + NdArray.shapeString(h.shape)
                        + " of "
                        + h.dtype.npyCode()
                        + " needs "
                        + h.dataBytes
                        + " data bytes but the file has "
                        + found
                        + "; copy or save it again");
    }
}
