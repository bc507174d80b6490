package io.dlkit.plugins.cnnzoo.classify;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.FileKind;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.ModelStore.LoadedModel;
import io.dlkit.backend.data.ImageFolderReader;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.plugins.cnnzoo.classify.Prediction.ClassScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Classifies images with a model directory opened through the host's {@link ModelStore}: each image
 * is converted to the model's input channels (grey or RGB, as {@link Images#convert}) and resized
 * bilinearly to its input size, then predicted in batches of {@value #BATCH}; the store applies the
 * model's stored input normalization. The model must take {@code [height, width, channels]} images
 * and output one probability per class (softmax), or one sigmoid output, read as the probabilities
 * {@code [1 - y, y]} of classes 0 and 1. Close it when done.
 */
public final class Classifier implements AutoCloseable {
    /** Images per prediction batch. */
    static final int BATCH = 64;

    private final LoadedModel model;
    private final int height;
    private final int width;
    private final int channels;
    private final List<String> names;
    private final String warning;

    /** What to do with an image that cannot be read: skip it (and say so) or rethrow. */
    @FunctionalInterface
    public interface BadImages {
        /** Fails on the first bad image. */
        BadImages STRICT =
                (file, e) -> {
                    throw e;
                };

        /** Called with the file and the one-line error; throw it to stop. */
        void skip(Path file, DlkitException e);
    }

    private Classifier(LoadedModel model, int height, int width, int channels) {
        this.model = model;
        this.height = height;
        this.width = width;
        this.channels = channels;
        int classes = Math.max(2, model.outputs());
        List<String> stored = model.classNames();
        this.names = List.copyOf(stored);
        this.warning =
                stored.isEmpty() || stored.size() == classes
                        ? null
                        : "the model outputs "
                                + classes
                                + " classes but its model.yaml names "
                                + stored.size()
                                + " ("
                                + String.join(", ", stored)
                                + "); classes without a name are shown by id";
    }

    /**
     * A one-line warning when the model's class names do not match its outputs (a model trained
     * with more output units than the data had classes), or null.
     */
    public String warning() {
        return warning;
    }

    /**
     * Opens the model directory {@code dir}.
     *
     * @throws DlkitException (exit 2) if it is not a model directory or its input is not an image
     */
    public static Classifier open(ModelStore store, Path dir) {
        requireNonNull(store, "store is null");
        LoadedModel m = store.open(requireNonNull(dir, "dir is null"));
        try {
            long[] s = m.inputShape();
            if (s.length != 3 || (s[2] != 1 && s[2] != 3 && s[2] != 4)) {
                throw DlkitException.invalidInput(
                        dir
                                + ": classify needs a model whose input is an image [height, width,"
                                + " 1|3|4 channels]; this one takes "
                                + Arrays.toString(s));
            }
            return new Classifier(m, (int) s[0], (int) s[1], (int) s[2]);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * The image files of {@code paths}, in order: a file as it is, a folder as every image file
     * ({@link ImageFolderReader#EXTENSIONS}) under it, sub-folders included, sorted by path.
     *
     * @throws DlkitException (exit 2) for a missing path or a folder without images
     */
    public static List<Path> imageFiles(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            FileKind kind = FileKind.of(p);
            if (kind == FileKind.FOLDER) {
                List<Path> found = walk(p);
                if (found.isEmpty()) {
                    throw DlkitException.invalidInput(
                            p + ": no images (.bmp, .gif, .jpeg, .jpg, .png) in this folder");
                }
                files.addAll(found);
            } else if (kind == FileKind.FILE) {
                files.add(p);
            } else if (kind == FileKind.MISSING) {
                throw DlkitException.invalidInput(p + ": no such file or folder");
            } else {
                throw notAnImage(p, kind);
            }
        }
        return files;
    }

    private static DlkitException notAnImage(Path p, FileKind kind) {
        return DlkitException.invalidInput(
                p + ": is " + kind.description() + ", not an image file or folder");
    }

    /**
     * Classifies image files, reporting each finished batch's count of images done.
     *
     * @throws DlkitException (exit 2) naming a file that cannot be read as an image
     */
    public List<Prediction> classifyFiles(List<Path> files, int topK, IntConsumer progress) {
        return classifyFiles(files, topK, progress, BadImages.STRICT);
    }

    /**
     * Classifies image files, reporting each finished batch's count of images done; an image that
     * cannot be read goes to {@code bad}, which skips it or rethrows.
     *
     * @throws DlkitException (exit 2) when {@code bad} rethrows, or when no image could be read
     */
    public List<Prediction> classifyFiles(
            List<Path> files, int topK, IntConsumer progress, BadImages bad) {
        List<Prediction> out = new ArrayList<>();
        int skipped = 0;
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Image> images = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Path file : files.subList(from, Math.min(files.size(), from + BATCH))) {
                try {
                    images.add(read(file));
                    labels.add(file.toString());
                } catch (DlkitException e) {
                    bad.skip(file, e);
                    skipped++;
                }
            }
            out.addAll(classify(images, labels, topK));
            progress.accept(out.size() + skipped);
        }
        if (out.isEmpty() && skipped > 0) {
            throw DlkitException.invalidInput(
                    "none of the " + skipped + " images could be read; nothing was classified");
        }
        return out;
    }

    /** Classifies in-memory images; {@code labels} name them in the predictions. */
    public List<Prediction> classify(List<Image> images, List<String> labels, int topK) {
        if (topK < 1) throw new IllegalArgumentException("topK must be >= 1, got " + topK);
        int size = height * width * channels;
        int rows = images.size();
        float[] x = new float[rows * size];
        for (int i = 0; i < rows; i++) {
            Image img = Images.convert(images.get(i), channels);
            if (img.height() != height || img.width() != width) {
                img = Images.resize(img, height, width);
            }
            System.arraycopy(img.data(), 0, x, i * size, size);
        }
        float[] y = rows == 0 ? new float[0] : model.predict(x, rows);
        List<Prediction> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) out.add(top(labels.get(i), y, i, topK));
        return out;
    }

    /** The input size images are resized to, {@code [height, width, channels]}. */
    public long[] inputShape() {
        return new long[] {height, width, channels};
    }

    private Prediction top(String label, float[] y, int row, int topK) {
        int width = model.outputs();
        float[] p;
        if (width == 1) {
            p = new float[] {1 - y[row], y[row]};
        } else {
            p = new float[width];
            for (int j = 0; j < width; j++) p[j] = y[row * width + j];
        }
        List<ClassScore> scores = new ArrayList<>();
        for (int j = 0; j < p.length; j++) {
            scores.add(
                    new ClassScore(j, j < names.size() ? names.get(j) : Integer.toString(j), p[j]));
        }
        // Most probable first; equal probabilities by class id.
        scores.sort(
                Comparator.comparingDouble(ClassScore::probability)
                        .reversed()
                        .thenComparingInt(ClassScore::id));
        return new Prediction(label, scores.subList(0, Math.min(topK, scores.size())));
    }

    private static Image read(Path file) {
        FileKind kind = FileKind.of(file);
        if (kind == FileKind.MISSING) throw DlkitException.invalidInput(file + ": no such file");
        if (kind != FileKind.FILE) {
            throw DlkitException.invalidInput(
                    file + ": is " + kind.description() + ", not an image file");
        }
        try {
            return Images.read(file);
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
        }
    }

    private static List<Path> walk(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            // Every image-named entry that is not a folder: a FIFO or a link loop among them is
            // reported as a bad image rather than silently left out.
            return s.filter(p -> !Files.isDirectory(p))
                    .filter(Classifier::isImage)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(dir + ": cannot list: " + e.getMessage());
        }
    }

    private static boolean isImage(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return !name.startsWith(".")
                && dot > 0
                && ImageFolderReader.EXTENSIONS.contains(
                        name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        model.close();
    }
}
