package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.AtomicFiles;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * YOLO txt labels (Darknet's format): one file per image, named like the image with {@code .txt},
 * one line per object: {@code class cx cy w h}, the class index then the box centre and size as
 * fractions of the image width and height. Blank lines are skipped. A folder may hold {@code
 * classes.txt} (one class name per line), which is not a label file.
 */
public final class YoloLabels {
    /** The class-name file beside the labels. */
    public static final String CLASSES_FILE = "classes.txt";

    private YoloLabels() {}

    /**
     * Reads one label file.
     *
     * @param classCount the number of classes, or 0 when unknown (any index is accepted)
     * @throws io.dlkit.api.DlkitException naming the file and line of a malformed label
     */
    public static List<LabeledBox> read(Path file, int classCount) throws IOException {
        requireNonNull(file, "file is null");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabeledBox> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty()) {
                out.add(YoloLine.parse(line, classCount, file, i + 1));
            }
        }
        return out;
    }

    /**
     * Reads every {@code *.txt} label file of a folder (not {@code classes.txt}), sorted by name.
     * Class names are {@code classNames} if not empty, else the folder's {@code classes.txt}, else
     * the indices themselves ({@code "0"}, {@code "1"}, ...).
     */
    public static LabelSet readFolder(Path dir, List<String> classNames) throws IOException {
        requireNonNull(dir, "dir is null");
        if (!Files.isDirectory(dir)) {
            throw LabelErrors.in(dir, "not a folder", "give the folder that holds the .txt labels");
        }
        List<String> names = classNames.isEmpty() ? classesFile(dir) : classNames;
        List<Path> files = labelFiles(dir);
        List<LabeledImage> images = new ArrayList<>();
        int maxClass = -1;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            List<LabeledBox> boxes = read(f, names.size());
            for (LabeledBox b : boxes) {
                maxClass = Math.max(maxClass, b.classId());
            }
            String stem = f.getFileName().toString().replaceFirst("\\.txt$", "");
            images.add(new LabeledImage(i, stem, 0, 0, boxes));
        }
        if (names.isEmpty()) {
            names = IntStream.rangeClosed(0, maxClass).mapToObj(String::valueOf).toList();
        }
        return LabelSet.of(names, images);
    }

    /** Writes one label file atomically: {@code class cx cy w h} with 6 decimals per object. */
    public static void write(Path file, List<LabeledBox> boxes) throws IOException {
        StringBuilder text = new StringBuilder();
        for (LabeledBox b : boxes) {
            BoundingBox x = b.box();
            text.append(
                    String.format(
                            Locale.ROOT,
                            "%d %.6f %.6f %.6f %.6f%n",
                            b.classId(),
                            x.centerX(),
                            x.centerY(),
                            x.width(),
                            x.height()));
        }
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<Path> labelFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".txt"))
                    .filter(p -> !p.getFileName().toString().equals(CLASSES_FILE))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static List<String> classesFile(Path dir) throws IOException {
        Path f = dir.resolve(CLASSES_FILE);
        if (!Files.isRegularFile(f)) {
            return List.of();
        }
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
