package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.Datasets;
import io.dlkit.backend.data.ImageFolderReader;
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data set on disk: a CSV, NPZ or IDX file, an MNIST-style folder with its split ({@code train}
 * or {@code t10k}), or an image folder (one sub-folder of images per class, read at the model's
 * input size; see {@link ImageFolderReader}), optionally restricted to rows {@code [from, to)}.
 *
 * @param path the file or folder
 * @param split for a folder: {@code train} or {@code t10k} (null: train)
 * @param from the first row (0)
 * @param to one past the last row (-1 = all)
 */
record DataSource(Path path, String split, int from, int to) {

    /** Parses {@code PATH[@FROM:TO]}; a folder's split is given separately. */
    static DataSource parse(String text, String split) {
        if (text == null) return null;
        int at = text.lastIndexOf('@');
        String suffix = at > 0 ? text.substring(at + 1) : "";
        if (at > 0
                && !suffix.contains("/")
                && !suffix.matches("\\d*:\\d*")
                && !Files.exists(path(text))) {
            throw DlkitException.invalidInput(
                    text
                            + ": bad row range '"
                            + text.substring(at + 1)
                            + "'; use PATH@FROM:TO with whole numbers 0 <= FROM < TO"
                            + " (either may be left out), e.g. "
                            + text.substring(0, at)
                            + "@0:100");
        }
        if (at > 0 && text.substring(at + 1).matches("\\d*:\\d*")) {
            String[] r = text.substring(at + 1).split(":", -1);
            return new DataSource(
                    path(text.substring(0, at)).toAbsolutePath(),
                    split,
                    r[0].isEmpty() ? 0 : row(text, r[0]),
                    r[1].isEmpty() ? -1 : row(text, r[1]));
        }
        return new DataSource(path(text).toAbsolutePath(), split, 0, -1);
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw DlkitException.invalidInput(text + ": not a valid path (" + e.getReason() + ")");
        }
    }

    private static int row(String text, String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput(
                    text + ": row " + number + " is too large (at most " + Integer.MAX_VALUE + ")");
        }
    }

    /** The rows and, for an image folder, its class names by id (empty for other data). */
    record Loaded(Dataset data, List<String> classNames) {}

    /** Loads the rows, with one-line errors naming the file; an image folder is refused. */
    Dataset load() {
        return load(null, List.of()).data();
    }

    /**
     * Loads the rows, with one-line errors naming the file. An image folder's images are resized to
     * {@code inputShape} ({@code [height, width, channels]}); non-empty {@code classNames} fix its
     * class ids (a trained model's classes), else they are its sorted folder names.
     */
    Loaded load(long[] inputShape, List<String> classNames) {
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(path);
        if (kind != io.dlkit.api.FileKind.FILE && kind != io.dlkit.api.FileKind.FOLDER) {
            // Checked before any reader opens it: reading a FIFO waits forever for a writer,
            // /dev/zero never ends.
            throw DlkitException.invalidInput(
                    path
                            + (kind == io.dlkit.api.FileKind.MISSING
                                    ? ": no such file or folder"
                                    : ": is "
                                            + kind.description()
                                            + ", not a data file or folder"));
        }
        try {
            if (inputShape != null && ImageFolderReader.isImageFolder(path)) {
                ImageFolderReader.Builder b = Datasets.imageFolderReader(path, inputShape);
                if (!classNames.isEmpty()) b.optClassNames(classNames);
                ImageFolderReader.Result r = b.build().read(path);
                return new Loaded(rows(r.dataset()), r.classNames());
            }
            Dataset d =
                    Files.isDirectory(path)
                            ? Datasets.loadIdxFolder(path, split == null ? Datasets.TRAIN : split)
                            : Datasets.load(path);
            return new Loaded(rows(d), List.of());
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(path + ": no such file or folder");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw DlkitException.invalidInput(path + ": cannot read: " + e.getMessage());
        }
    }

    private Dataset rows(Dataset d) {
        int end = to < 0 ? d.size() : to;
        if (from < 0 || end > d.size() || from >= end) {
            throw DlkitException.invalidInput(
                    path
                            + ": rows "
                            + from
                            + ":"
                            + (to < 0 ? "" : to)
                            + " are out of range; the data set has "
                            + d.size()
                            + " rows");
        }
        return from == 0 && end == d.size() ? d : d.subset(from, end);
    }

    Map<String, Object> toConfig() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path.toString());
        if (split != null) m.put("split", split);
        if (from != 0) m.put("from", from);
        if (to >= 0) m.put("to", to);
        return m;
    }

    static DataSource fromConfig(Object o) {
        if (!(o instanceof Map<?, ?> m)) return null;
        return new DataSource(
                Path.of(String.valueOf(m.get("path"))),
                (String) m.get("split"),
                m.get("from") instanceof Number n ? n.intValue() : 0,
                m.get("to") instanceof Number n ? n.intValue() : -1);
    }

    @Override
    public String toString() {
        // The split means something only for a folder; "flower.csv (train)" would mislead.
        boolean idxFolder = Files.isDirectory(path) && !ImageFolderReader.isImageFolder(path);
        return path
                + (split == null || !idxFolder ? "" : " (" + split + ")")
                + (from == 0 && to < 0 ? "" : " rows " + from + ":" + (to < 0 ? "" : to));
    }
}
