package io.dlkit.plugins.detector.labels;

import static java.util.Objects.requireNonNull;

import io.dlkit.plugins.detector.boxes.BoundingBox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Pascal VOC XML labels: one {@code <annotation>} file per image with {@code <filename>}, {@code
 * <size><width>/<height>} and {@code <object>}s of {@code <name>}, {@code <difficult>} and {@code
 * <bndbox>} ({@code xmin, ymin, xmax, ymax}: 1-based inclusive pixels). Boxes become fractions of
 * the image as Darknet's {@code voc_label.py} converts them: {@code x1 = (xmin - 1) / width},
 * {@code x2 = (xmax - 1) / width} (likewise for y).
 */
public final class VocLabels {
    private VocLabels() {}

    /**
     * Reads one annotation file.
     *
     * @param classNames the class names; an object of another name is an error
     */
    public static LabeledImage read(Path file, long id, List<String> classNames)
            throws IOException {
        requireNonNull(file, "file is null");
        XmlTree.Node root = XmlTree.parse(file);
        if (root == null || !root.name().equals("annotation")) {
            throw LabelErrors.at(
                    file,
                    root == null ? 1 : root.line(),
                    "the root element is not <annotation>",
                    "give a Pascal VOC annotation file");
        }
        VocFields f = new VocFields(file);
        XmlTree.Node size = f.required(root, "size");
        int width = f.positiveInt(size, "width");
        int height = f.positiveInt(size, "height");
        XmlTree.Node name = root.child("filename");
        List<LabeledBox> boxes = new ArrayList<>();
        for (XmlTree.Node object : root.all("object")) {
            boxes.add(object(f, object, width, height, classNames));
        }
        String image = name == null ? file.getFileName().toString() : name.text();
        return new LabeledImage(id, image, width, height, boxes);
    }

    /**
     * Reads every {@code *.xml} of a folder, sorted by name. Class names are {@code classNames} if
     * not empty, else every object name found, sorted.
     */
    public static LabelSet readFolder(Path dir, List<String> classNames) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
        List<String> names = classNames.isEmpty() ? namesIn(files) : classNames;
        List<LabeledImage> images = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            images.add(read(files.get(i), i, names));
        }
        return LabelSet.of(names, images);
    }

    private static LabeledBox object(
            VocFields f, XmlTree.Node object, int width, int height, List<String> names) {
        XmlTree.Node name = f.required(object, "name");
        int cls = names.indexOf(name.text());
        if (cls < 0) {
            throw LabelErrors.at(
                    f.file,
                    name.line(),
                    "unknown class '" + name.text() + "'",
                    "use one of " + names);
        }
        XmlTree.Node box = f.required(object, "bndbox");
        float xmin = f.number(box, "xmin");
        float ymin = f.number(box, "ymin");
        float xmax = f.number(box, "xmax");
        float ymax = f.number(box, "ymax");
        if (xmax < xmin || ymax < ymin) {
            throw LabelErrors.at(
                    f.file,
                    box.line(),
                    "box corners are swapped (xmax < xmin or ymax < ymin)",
                    "write xmin <= xmax and ymin <= ymax");
        }
        XmlTree.Node difficult = object.child("difficult");
        boolean hard = difficult != null && difficult.text().equals("1");
        BoundingBox b = new BoundingBox(xmin - 1, ymin - 1, xmax - 1, ymax - 1);
        return new LabeledBox(cls, b.scale(1f / width, 1f / height), hard);
    }

    private static List<String> namesIn(List<Path> files) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path f : files) {
            XmlTree.Node root = XmlTree.parse(f);
            if (root != null) {
                for (XmlTree.Node o : root.all("object")) {
                    XmlTree.Node n = o.child("name");
                    if (n != null) {
                        names.add(n.text());
                    }
                }
            }
        }
        return List.copyOf(names);
    }
}
