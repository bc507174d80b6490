package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads a data set from a path, choosing the reader by what the path is:
 *
 * <table>
 *   <caption>Formats</caption>
 *   <tr><th>Path</th><th>Reader</th></tr>
 *   <tr><td>{@code *.csv}</td><td>{@link CsvReader} with its defaults</td></tr>
 *   <tr><td>{@code *.npz}</td><td>{@link NpzDatasetReader}</td></tr>
 *   <tr><td>{@code [*-]images-idx3-ubyte[.gz]}</td><td>{@link IdxReader}, with the labels file
 *       beside it ({@code images-idx3} replaced by {@code labels-idx1})</td></tr>
 *   <tr><td>a folder</td><td>{@link IdxReader} on {@code train-images-idx3-ubyte[.gz]} and
 *       {@code train-labels-idx1-ubyte[.gz]} in it, the layout of the MNIST and Fashion-MNIST
 *       downloads; {@link #loadIdxFolder(Path, String)} with {@code "t10k"} reads the test
 *       set</td></tr>
 *   <tr><td>a folder of class folders ({@code root/cat/*.jpg})</td><td>{@link
 *       ImageFolderReader}, through {@link #load(Path, long...)} which gives the image
 *       size</td></tr>
 * </table>
 */
public final class Datasets {
    /** The file prefix of the training set in an MNIST-style folder. */
    public static final String TRAIN = "train";

    /** The file prefix of the test set in an MNIST-style folder. */
    public static final String TEST = "t10k";

    private static final String IMAGES = "-images-idx3-ubyte";
    private static final String LABELS = "-labels-idx1-ubyte";

    private Datasets() {}

    /**
     * Loads the data set at {@code path}: a CSV file, an {@code .npz} archive, an IDX image file or
     * an MNIST-style folder (see the class description).
     *
     * @throws NoSuchFileException if nothing is at the path
     * @throws DataFormatException if the format is unknown or the content is malformed
     */
    public static Dataset load(Path path) throws IOException {
        requireNonNull(path, "path is null");
        if (Files.isDirectory(path)) {
            if (ImageFolderReader.isImageFolder(path)) {
                throw new DataFormatException(
                        path
                                + ": an image folder (one sub-folder per class); its images need"
                                + " a size: use load(path, featureShape) or"
                                + " ImageFolderReader");
            }
            return loadIdxFolder(path, TRAIN);
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        InputFiles.requireRegularFile(path, "a data set (.csv, .npz, IDX file or folder)");
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CsvReader.builder().build().read(path);
        }
        if (lower.endsWith(".npz")) {
            return NpzDatasetReader.read(path);
        }
        // "-images-idx3-ubyte" inside a name, or "images-idx3-ubyte" at its start
        if (("-" + name).contains(IMAGES)) {
            Path labels = path.resolveSibling(("-" + name).replace(IMAGES, LABELS).substring(1));
            if (!Files.exists(labels)) {
                throw new DataFormatException(
                        path
                                + ": its labels file "
                                + labels.getFileName()
                                + " is missing; put it beside the images or use loadIdxPair");
            }
            return loadIdxPair(path, labels);
        }
        if (("-" + name).contains(LABELS)) {
            throw new DataFormatException(
                    path
                            + ": this is an IDX labels file; load the images"
                            + " file ("
                            + ("-" + name).replace(LABELS, IMAGES).substring(1)
                            + ") or the folder instead");
        }
        throw new DataFormatException(
                path
                        + ": unknown data set format; expected a .csv file,"
                        + " a .npz archive, an IDX *-images-idx3-ubyte[.gz] file or a folder holding"
                        + " train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz");
    }

    /**
     * Loads the data set at {@code path} for a model that takes samples of {@code featureShape}: an
     * image folder (see {@link ImageFolderReader}; class ids by sorted folder name) is read with
     * every image resized to {@code featureShape = [height, width, channels]}; anything else as
     * {@link #load(Path)}, in its own shape.
     *
     * @throws NoSuchFileException if nothing is at the path
     * @throws DataFormatException if the format is unknown or the content is malformed, or an image
     *     folder is loaded for a shape that is not {@code [height, width, 1|3|4]}
     */
    public static Dataset load(Path path, long... featureShape) throws IOException {
        requireNonNull(path, "path is null");
        requireNonNull(featureShape, "featureShape is null");
        if (!ImageFolderReader.isImageFolder(path)) {
            return load(path);
        }
        return imageFolderReader(path, featureShape).build().read(path).dataset();
    }

    /**
     * A reader for the image folder {@code path} that gives samples of {@code featureShape}.
     *
     * @throws DataFormatException unless the shape is {@code [height, width, 1|3|4]}
     */
    public static ImageFolderReader.Builder imageFolderReader(Path path, long... featureShape) {
        long c = featureShape.length == 3 ? featureShape[2] : 0;
        if (c != 1 && c != 3 && c != 4 || featureShape[0] < 1 || featureShape[1] < 1) {
            throw new DataFormatException(
                    path
                            + ": an image folder gives samples of shape [height, width, channels]"
                            + " with 1, 3 or 4 channels, but the model takes "
                            + java.util.Arrays.toString(featureShape)
                            + "; give the model such an input_shape");
        }
        return ImageFolderReader.builder()
                .setSize(Math.toIntExact(featureShape[0]), Math.toIntExact(featureShape[1]))
                .optChannels((int) c);
    }

    /**
     * Loads IDX images and labels (gzipped or not) as one data set.
     *
     * @throws DataFormatException if either file is malformed or their counts differ
     */
    public static Dataset loadIdxPair(Path images, Path labels) throws IOException {
        return IdxReader.read(
                requireNonNull(images, "images is null"), requireNonNull(labels, "labels is null"));
    }

    /**
     * Loads {@code <prefix>-images-idx3-ubyte[.gz]} and {@code <prefix>-labels-idx1-ubyte[.gz]}
     * from {@code folder}; the prefix is {@link #TRAIN} or {@link #TEST} in MNIST and
     * Fashion-MNIST.
     *
     * @throws DataFormatException if either file is missing or malformed
     */
    public static Dataset loadIdxFolder(Path folder, String prefix) throws IOException {
        requireNonNull(folder, "folder is null");
        requireNonNull(prefix, "prefix is null");
        return loadIdxPair(find(folder, prefix, IMAGES), find(folder, prefix, LABELS));
    }

    private static Path find(Path folder, String prefix, String kind) throws IOException {
        Path gz = folder.resolve(prefix + kind + ".gz");
        Path raw = folder.resolve(prefix + kind);
        for (Path p : new Path[] {gz, raw}) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                InputFiles.requireRegularFile(p, "an IDX file");
                return p;
            }
        }
        throw new DataFormatException(
                folder
                        + ": no "
                        + gz.getFileName()
                        + " (or "
                        + raw.getFileName()
                        + ") in this folder; an MNIST-style folder holds "
                        + prefix
                        + IMAGES
                        + ".gz and "
                        + prefix
                        + LABELS
                        + ".gz");
    }
}
