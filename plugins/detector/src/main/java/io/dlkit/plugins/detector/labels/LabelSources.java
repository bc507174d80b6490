package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads labels in whichever format a path holds: a {@code .json} file is COCO instances; a folder
 * of {@code .xml} files is Pascal VOC; a folder of {@code .txt} files is YOLO txt; a folder with no
 * label files but a {@code labels/} sub-folder (the layout {@code images/} + {@code labels/}) is
 * read through that sub-folder.
 */
public final class LabelSources {
    private LabelSources() {}

    /**
     * The labels at {@code source}.
     *
     * @param classNames class names for VOC and YOLO (empty: found in the files)
     * @throws io.dlkit.api.DlkitException (exit 2) if the path is missing or holds no labels
     */
    public static LabelSet read(Path source, List<String> classNames) throws IOException {
        requireNonNull(source, "source is null");
        if (Files.isRegularFile(source)) {
            if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
                return CocoLabels.read(source);
            }
            throw LabelErrors.in(
                    source,
                    "not a label folder or COCO .json file",
                    "give a folder of YOLO .txt or VOC .xml labels, or a COCO instances .json");
        }
        if (!Files.isDirectory(source)) {
            throw LabelErrors.in(source, "no such file or folder", "check the path");
        }
        if (count(source, ".xml") > 0) {
            return VocLabels.readFolder(source, classNames);
        }
        if (count(source, ".txt") == 0 && Files.isDirectory(source.resolve("labels"))) {
            return read(source.resolve("labels"), classNames);
        }
        LabelSet set = YoloLabels.readFolder(source, classNames);
        if (set.images().isEmpty()) {
            throw LabelErrors.in(
                    source,
                    "holds no label files",
                    "give a folder of YOLO .txt or VOC .xml labels, or a COCO instances .json");
        }
        return set;
    }

    private static long count(Path dir, String extension) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(extension))
                    .filter(p -> !p.getFileName().toString().equals(YoloLabels.CLASSES_FILE))
                    .count();
        }
    }
}
