package io.dlkit.backend.data;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Reads a labelled image folder, one sub-folder per class, the layout of Keras' {@code
 * image_dataset_from_directory} and torchvision's {@code ImageFolder}:
 *
 * <pre>
 * flowers/
 *   daisy/    img001.jpg img002.png ...
 *   tulip/    a.jpg b.jpg ...
 * </pre>
 *
 * <p>Classes are the sub-folder names sorted by name ({@code daisy} is class 0, {@code tulip} class
 * 1), unless fixed with {@link Builder#optClassNames(List)} (a trained model's classes, so that
 * test data gets the same ids). Every file whose extension is {@code .jpg}, {@code .jpeg}, {@code
 * .png}, {@code .bmp} or {@code .gif} (any case) is read with {@link Images#read(Path, int)}, so
 * pixels are in [0, 1], converted to the requested channels and resized bilinearly to {@code height
 * x width}; other files and hidden files are skipped. The data set has feature shape {@code
 * [height, width, channels]}.
 *
 * <p>Order: the samples are interleaved so that each class is spread evenly over the whole data set
 * (sample {@code j} of a class of {@code n} sits at relative position {@code (j + 0.5) / n}; files
 * within a class in name order). Any contiguous range, such as the last fraction that {@link
 * Dataset#split(double)} holds out or a {@code PATH@FROM:TO} row range, then holds every class in
 * proportion. {@link Result#files()} names the file of each sample.
 *
 * <pre>{@code
 * ImageFolderReader.Result r = ImageFolderReader.builder().setSize(64, 64).build().read(root);
 * Dataset d = r.dataset();            // m x (64, 64, 3), class ids
 * List<String> names = r.classNames(); // [daisy, tulip]
 * }</pre>
 *
 * <p>Images are decoded in parallel on the common fork-join pool. Errors are one line: an empty
 * folder, a class folder without images, an unreadable image (naming the file), a class not among
 * the fixed class names.
 */
public final class ImageFolderReader {
    /** The file extensions read as images, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif");

    private final int height;
    private final int width;
    private final int channels;
    private final List<String> classNames;

    /** What {@link #read(Path)} found: the data set, the class names by id, each sample's file. */
    public record Result(Dataset dataset, List<String> classNames, List<Path> files) {
        /** Copies the lists. */
        public Result {
            requireNonNull(dataset, "dataset is null");
            classNames = List.copyOf(classNames);
            files = List.copyOf(files);
        }
    }

    private ImageFolderReader(Builder b) {
        this.height = b.height;
        this.width = b.width;
        this.channels = b.channels;
        this.classNames = b.classNames;
    }

    /** A builder; {@link Builder#setSize(int, int)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether {@code path} is a folder that looks like an image folder: no IDX files of its own,
     * and at least one sub-folder holding an image file. Cheap: lists the folder and its
     * sub-folders.
     */
    public static boolean isImageFolder(Path path) {
        requireNonNull(path, "path is null");
        if (!Files.isDirectory(path)) return false;
        try (Stream<Path> s = Files.list(path)) {
            List<Path> entries = s.toList();
            if (entries.stream().anyMatch(p -> p.getFileName().toString().contains("-ubyte"))) {
                return false;
            }
            for (Path dir : entries) {
                if (Files.isDirectory(dir) && !hidden(dir) && !images(dir).isEmpty()) return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the folder {@code root}.
     *
     * @throws NoSuchFileException if {@code root} does not exist
     * @throws DataFormatException if {@code root} has no class folders, a class folder has no
     *     images, an image cannot be decoded, or a class is not among the fixed class names
     * @throws IOException if a folder or file cannot be read
     */
    public Result read(Path root) throws IOException {
        requireNonNull(root, "root is null");
        if (!Files.exists(root)) {
            throw new NoSuchFileException(root.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(root)) {
            throw new DataFormatException(
                    root
                            + ": not a folder; an image folder holds one"
                            + " sub-folder of images per class (root/cat/*.jpg, root/dog/*.jpg)");
        }
        List<Path> classDirs = classFolders(root);
        List<String> names =
                classNames != null
                        ? classNames
                        : classDirs.stream().map(p -> p.getFileName().toString()).toList();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < names.size(); i++) ids.put(names.get(i), i);
        List<List<Path>> perClass = new ArrayList<>();
        List<Integer> classOf = new ArrayList<>();
        for (Path dir : classDirs) {
            List<Path> files = images(dir);
            if (files.isEmpty()) {
                throw new DataFormatException(
                        dir
                                + ": the class folder has no images ("
                                + String.join(", ", sorted(EXTENSIONS))
                                + "); add some or remove it");
            }
            Integer id = ids.get(dir.getFileName().toString());
            if (id == null) {
                throw new DataFormatException(
                        dir
                                + ": class '"
                                + dir.getFileName()
                                + "' is not one of the model's classes "
                                + names
                                + "; rename or remove the folder");
            }
            perClass.add(files);
            classOf.add(id);
        }
        return load(interleave(perClass, classOf), names);
    }

    private Result load(List<Sample> samples, List<String> names) {
        int m = samples.size();
        int size = height * width * channels;
        float[] features = new float[Math.multiplyExact(m, size)];
        int[] labels = new int[m];
        RuntimeException[] errors = new RuntimeException[m];
        IntStream.range(0, m)
                .parallel()
                .forEach(
                        i -> {
                            try {
                                float[] px = decode(samples.get(i).file());
                                System.arraycopy(px, 0, features, i * size, size);
                            } catch (IOException e) {
                                errors[i] =
                                        new DataFormatException(
                                                samples.get(i).file()
                                                        + ": cannot read the"
                                                        + " image ("
                                                        + e.getClass().getSimpleName()
                                                        + ")",
                                                e);
                            } catch (RuntimeException e) {
                                errors[i] = e;
                            }
                        });
        // The first failing file in data set order, whichever thread saw it first.
        for (RuntimeException e : errors) {
            if (e != null) throw e;
        }
        for (int i = 0; i < m; i++) labels[i] = samples.get(i).label();
        Dataset d =
                Dataset.ofClasses(
                        features, labels, Math.max(1, names.size()), height, width, channels);
        return new Result(d, names, samples.stream().map(Sample::file).toList());
    }

    private float[] decode(Path file) throws IOException {
        Image img = Images.read(file, channels);
        if (img.height() != height || img.width() != width) {
            img = Images.resize(img, height, width);
        }
        return img.data();
    }

    private record Sample(Path file, int label, double position) {}

    // Spreads each class evenly: sample j of n at (j + 0.5) / n, ties broken by class order.
    private static List<Sample> interleave(List<List<Path>> perClass, List<Integer> classOf) {
        List<Sample> all = new ArrayList<>();
        for (int c = 0; c < perClass.size(); c++) {
            List<Path> files = perClass.get(c);
            for (int j = 0; j < files.size(); j++) {
                all.add(new Sample(files.get(j), classOf.get(c), (j + 0.5) / files.size()));
            }
        }
        all.sort(Comparator.comparingDouble(Sample::position).thenComparingInt(Sample::label));
        return all;
    }

    private static List<Path> classFolders(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> s = Files.list(root)) {
            dirs = s.filter(p -> Files.isDirectory(p) && !hidden(p)).sorted(byName()).toList();
        }
        if (dirs.isEmpty()) {
            throw new DataFormatException(
                    root
                            + ": the folder has no class sub-folders; an image"
                            + " folder holds one sub-folder of images per class (root/cat/*.jpg,"
                            + " root/dog/*.jpg)");
        }
        return dirs;
    }

    private static List<Path> images(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !hidden(p) && Files.isRegularFile(p) && isImage(p))
                    .sorted(byName())
                    .toList();
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path p) {
        return p.getFileName().toString().startsWith(".");
    }

    private static Comparator<Path> byName() {
        return Comparator.comparing(p -> p.getFileName().toString());
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().map(e -> "." + e).toList();
    }

    /** Builds an {@link ImageFolderReader}; the size is required, the rest optional. */
    public static final class Builder {
        private int height;
        private int width;
        private int channels = 3;
        private List<String> classNames;

        private Builder() {}

        /** The height and width every image is resized to (required, each at least 1). */
        public Builder setSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException(
                        "height and width must be >= 1, got " + height + "x" + width);
            }
            this.height = height;
            this.width = width;
            return this;
        }

        /** 1 (grey), 3 (RGB, the default) or 4 (RGBA), converted from what each file holds. */
        public Builder optChannels(int channels) {
            if (channels != 1 && channels != 3 && channels != 4) {
                throw new IllegalArgumentException("channels must be 1, 3 or 4, got " + channels);
            }
            this.channels = channels;
            return this;
        }

        /**
         * Fixes the classes and their ids (a trained model's class names): every class folder must
         * be one of them, and a name without a folder simply has no samples.
         */
        public Builder optClassNames(List<String> classNames) {
            requireNonNull(classNames, "classNames is null");
            if (classNames.isEmpty()) {
                throw new IllegalArgumentException("classNames is empty");
            }
            this.classNames = List.copyOf(classNames);
            return this;
        }

        /** The reader, for the shape {@code [height, width, channels]}. */
        public ImageFolderReader build() {
            if (height == 0) {
                throw new IllegalStateException("setSize(height, width) was not called");
            }
            return new ImageFolderReader(this);
        }
    }
}
