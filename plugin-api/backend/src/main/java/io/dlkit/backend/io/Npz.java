package io.dlkit.backend.io;

import static java.util.Objects.requireNonNull;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy {@code .npz} archives: a zip file of {@code .npy} entries, as written by
 * {@code numpy.savez} (stored) and {@code numpy.savez_compressed} (deflated). The key of each array
 * is its entry name without {@code .npy}, as in numpy.
 *
 * <pre>{@code
 * Map<String, NdArray> weights = Npz.read(Path.of("model.npz"));   // numpy.savez("model.npz", w=w)
 * NdArray w = weights.get("w");
 * }</pre>
 */
public final class Npz {
    // A fixed entry time makes equal content give byte-identical archives (stable checksums).
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {}

    /**
     * Reads every array of an archive, in the archive's order.
     *
     * @throws DataFormatException if the file is not a zip, or an entry is not a supported,
     *     complete {@code .npy} array
     * @throws IOException if the file cannot be read
     */
    public static LinkedHashMap<String, NdArray> read(Path path) throws IOException {
        requireNonNull(path, "path is null");
        InputFiles.requireRegularFile(path, "a NumPy .npz archive");
        if (Files.size(path) == 0) {
            throw new DataFormatException(
                    path + ": the file is empty; expected a NumPy .npz archive");
        }
        try (ZipFile zip = open(path)) {
            LinkedHashMap<String, NdArray> arrays = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.isDirectory()) {
                    arrays.put(key(path, entry), readEntry(zip, entry, path));
                }
            }
            return arrays;
        }
    }

    /**
     * Writes {@code arrays} as an uncompressed archive, like {@code numpy.savez}, atomically (see
     * {@link AtomicFiles}). Each key becomes the entry {@code key + ".npy"}.
     */
    public static void write(Path path, Map<String, NdArray> arrays) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(arrays, "arrays is null");
        arrays.forEach(
                (key, array) -> {
                    if (key == null || key.isEmpty() || array == null) {
                        throw new IllegalArgumentException(
                                "arrays must map non-empty names to arrays, got "
                                        + key
                                        + " -> "
                                        + array);
                    }
                });
        AtomicFiles.write(path, out -> writeZip(out, arrays));
    }

    private static void writeZip(OutputStream out, Map<String, NdArray> arrays) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            byte[] bytes = Npy.toBytes(e.getValue());
            CRC32 crc = new CRC32();
            crc.update(bytes);
            ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
        }
        zip.finish();
    }

    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile());
        } catch (ZipException e) {
            throw new DataFormatException(
                    path
                            + ": not a NumPy .npz archive (not a readable zip: "
                            + e.getMessage()
                            + "); check the path or save it again with numpy.savez",
                    e);
        }
    }

    private static String key(Path path, ZipEntry entry) {
        String name = entry.getName();
        if (!name.endsWith(".npy")) {
            throw new DataFormatException(
                    path
                            + ": entry '"
                            + name
                            + "' is not a .npy array;"
                            + " an .npz archive must hold only .npy entries");
        }
        return name.substring(0, name.length() - 4);
    }

    private static NdArray readEntry(ZipFile zip, ZipEntry entry, Path path) throws IOException {
        String source = path + " entry '" + entry.getName() + "'";
        try (InputStream in = zip.getInputStream(entry)) {
            NdArray array = Npy.read(in, source);
            if (in.read() != -1) {
                throw new DataFormatException(
                        source
                                + ": has trailing bytes after the data of shape "
                                + NdArray.shapeString(array.shape())
                                + "; save the archive again");
            }
            return array;
        } catch (ZipException | EOFException e) {
            throw new DataFormatException(
                    source
                            + ": corrupt compressed data ("
                            + e.getMessage()
                            + "); save the archive again",
                    e);
        }
    }
}
