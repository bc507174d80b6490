package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.InputFiles;
import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An opened Keras weights file, in one of the layouts Keras writes:
 *
 * <ul>
 *   <li>Keras 2 {@code .h5} ({@link Keras2File}): {@code save_weights}, the {@code
 *       keras.applications} downloads, and {@code model.save} (weights under {@code
 *       /model_weights});
 *   <li>Keras 3 {@code .weights.h5} ({@link Keras3File}): {@code save_weights}, and the {@code
 *       model.weights.h5} inside a {@code .keras} archive.
 * </ul>
 *
 * <p>A layer's weights come in Keras's variable order: kernel, bias; gamma, beta, moving mean,
 * moving variance.
 */
abstract sealed class KerasFile implements AutoCloseable permits Keras2File, Keras3File {
    private static final String KERAS_ARCHIVE_WEIGHTS = "model.weights.h5";
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    final Path file;
    private final HdfFile hdf;

    KerasFile(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /**
     * Opens {@code file} and finds its layout.
     *
     * @throws DlkitException (exit 2) for a missing file, one that is not HDF5 (or a {@code .keras}
     *     archive), or an HDF5 file in neither Keras layout
     */
    static KerasFile open(Path file) {
        InputFiles.problem(file, "a Keras weights file (.h5, .weights.h5 or .keras)")
                .ifPresent(
                        p -> {
                            throw DlkitException.invalidInput(file + ": " + p);
                        });
        HdfFile hdf = openHdf(file);
        try {
            if (Keras2File.accepts(hdf)) {
                return new Keras2File(file, hdf);
            }
            if (Keras3File.accepts(hdf)) {
                return new Keras3File(file, hdf);
            }
            throw DlkitException.invalidInput(
                    file
                            + ": an HDF5 file but not Keras weights: it has no 'layer_names'"
                            + " attribute (Keras 2 .h5) and no 'layers' group (Keras 3"
                            + " .weights.h5)");
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    private static HdfFile openHdf(Path file) {
        byte[] magic = head(file);
        if (startsWith(magic, ZIP_MAGIC)) {
            return fromKerasArchive(file);
        }
        try {
            return new HdfFile(file);
        } catch (HdfException | IllegalArgumentException | IndexOutOfBoundsException e) {
            // jhdf also finds a signature after a user block; without one at 0 it is not HDF5.
            // A truncated file can fail deeper in jhdf with a plain IllegalArgumentException.
            throw startsWith(magic, HDF5_MAGIC) ? damaged(file, e) : notHdf5(file);
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HDF5_MAGIC.length);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length
                && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }

    private static HdfFile fromKerasArchive(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(KERAS_ARCHIVE_WEIGHTS);
            if (entry == null) {
                throw DlkitException.invalidInput(
                        file
                                + ": a zip archive without "
                                + KERAS_ARCHIVE_WEIGHTS
                                + "; a .keras archive or an HDF5 weights file is expected");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return HdfFile.fromInputStream(in);
            }
        } catch (HdfException e) {
            throw damaged(file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** A file whose HDF5 structure jhdf cannot read (truncated, or a feature it lacks). */
    static DlkitException damaged(Path file, RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return DlkitException.invalidInput(
                file
                        + ": a damaged or unsupported HDF5 file: "
                        + (nl < 0 ? m : m.substring(0, nl)));
    }

    private static DlkitException notHdf5(Path file) {
        return DlkitException.invalidInput(
                file + ": not an HDF5 file; a Keras .h5, .weights.h5 or .keras file is expected");
    }

    /** {@code Keras 2 .h5} or {@code Keras 3 .weights.h5}, for messages. */
    abstract String format();

    /** Where {@code layer} is in this file: its name (Keras 2) or {@code layers/conv2d_3}. */
    abstract String key(KerasLayer layer);

    /** How messages name {@code layer}: {@code 'block1_conv1'}, or by path with its name. */
    abstract String describe(KerasLayer layer);

    /** The arrays at {@code key} in variable order, or null when the file has no such layer. */
    abstract List<KerasArray> weights(String key);

    /** The keys of every layer that has weights, in file order. */
    abstract List<String> weightedKeys();

    /** The HDF5 file, for subclasses. */
    HdfFile hdf() {
        return hdf;
    }

    /** An error about this file: {@code FILE: message}. */
    DlkitException error(String message) {
        return DlkitException.invalidInput(file + ": " + message);
    }

    @Override
    public void close() {
        hdf.close();
    }
}
