package io.dlkit.plugins.cnnzoo.classify;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.model.ModelStore.LoadedModel;
import io.dlkit.backend.data.ImageFolderReader;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.InputFiles;
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

    private Classifier(LoadedModel model, int height, int width, int channels) {
        this.model = model;
        this.height = height;
        this.width = width;
        this.channels = channels;
        int classes = Math.max(2, model.outputs());
        List<String> stored = model.classNames();
        this.names = stored.size() == classes ? List.copyOf(stored) : null;
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
            if (Files.isDirectory(p)) {
                List<Path> found = walk(p);
                if (found.isEmpty()) {
                    throw DlkitException.invalidInput(
                            p + ": no images (.bmp, .gif, .jpeg, .jpg, .png) in this folder");
                }
                files.addAll(found);
            } else {
                String problem =
                        InputFiles.problem(p, "an image file or a folder of images").orElse(null);
                if (problem != null) {
                    throw DlkitException.invalidInput(
                            p
                                    + ": "
                                    + (problem.equals("no such file")
                                            ? "no such file or folder"
                                            : problem));
                }
                files.add(p);
            }
        }
        return files;
    }

    /**
     * Classifies image files, reporting each finished batch's count of images done.
     *
     * @throws DlkitException (exit 2) naming a file that cannot be read as an image
     */
    public List<Prediction> classifyFiles(List<Path> files, int topK, IntConsumer progress) {
        List<Prediction> out = new ArrayList<>();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            List<Image> images = batch.stream().map(Classifier::read).toList();
            List<String> labels = batch.stream().map(Path::toString).toList();
            out.addAll(classify(images, labels, topK));
            progress.accept(out.size());
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
            scores.add(new ClassScore(j, names == null ? Integer.toString(j) : names.get(j), p[j]));
        }
        // Most probable first; equal probabilities by class id.
        scores.sort(
                Comparator.comparingDouble(ClassScore::probability)
                        .reversed()
                        .thenComparingInt(ClassScore::id));
        return new Prediction(label, scores.subList(0, Math.min(topK, scores.size())));
    }

    private static Image read(Path file) {
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
            return s.filter(Files::isRegularFile).filter(Classifier::isImage).sorted().toList();
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
