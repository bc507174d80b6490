package io.dlkit.plugins.detector.train;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabelSources;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.LabeledImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A labelled detection set on disk: {@code DIR/images/} with {@code DIR/labels/} (YOLO txt and
 * {@code classes.txt}), a VOC folder ({@code Annotations/} or {@code .xml} files, images beside or
 * in {@code JPEGImages/} or {@code images/}) or a COCO {@code .json}. Boxes become fractions of
 * their image. Images are read on first use, stretched to the network's input and kept (as bytes,
 * so 3,000 images at 128 x 128 take 150 MB).
 */
public final class DetectionData {
    private static final String[] EXTENSIONS = {".png", ".jpg", ".jpeg", ".bmp"};

    private final LabelSet truth;
    private final List<Path> images;
    private final List<List<LabeledBox>> labels;
    private final AtomicReferenceArray<byte[]> cache;
    private int cachedSize;

    private DetectionData(LabelSet truth, List<Path> images, List<List<LabeledBox>> labels) {
        this.truth = truth;
        this.images = List.copyOf(images);
        this.labels = List.copyOf(labels);
        this.cache = new AtomicReferenceArray<>(images.size());
    }

    /**
     * Reads the labels of {@code dir} and finds each one's image.
     *
     * @throws DlkitException (exit 2) naming a label without an image, or an empty set
     */
    public static DetectionData read(Path dir) throws IOException {
        Path labelSource =
                Files.isDirectory(dir.resolve("Annotations")) ? dir.resolve("Annotations") : dir;
        LabelSet set = LabelSources.read(labelSource, List.of());
        List<Path> images = new ArrayList<>();
        List<List<LabeledBox>> labels = new ArrayList<>();
        for (LabeledImage li : set.images()) {
            images.add(find(dir, li.image()));
            labels.add(fractions(li));
        }
        if (images.isEmpty()) {
            throw DlkitException.invalidInput(dir + ": holds no labelled images");
        }
        return new DetectionData(set, images, labels);
    }

    /** The labels as read (boxes as fractions for YOLO, pixels for VOC and COCO). */
    public LabelSet truth() {
        return truth;
    }

    /** The labels with boxes as fractions of their image, in image order. */
    public LabelSet truthInFractions() {
        List<LabeledImage> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            LabeledImage li = truth.images().get(i);
            out.add(new LabeledImage(li.id(), li.image(), li.width(), li.height(), labels.get(i)));
        }
        return new LabelSet(truth.classNames(), truth.categoryIds(), out);
    }

    /** The class names. */
    public List<String> classNames() {
        return truth.classNames();
    }

    /** The image files, in label order. */
    public List<Path> images() {
        return images;
    }

    /** Each image's boxes as fractions of the image. */
    public List<List<LabeledBox>> labels() {
        return labels;
    }

    /** The number of images. */
    public int size() {
        return images.size();
    }

    /**
     * Image {@code i} stretched to {@code size x size}, RGB in [0, 1] (thread-safe; cached).
     *
     * @throws DlkitException (exit 2) for an unreadable image
     */
    public float[] image(int i, int size) {
        synchronized (this) {
            if (cachedSize != size) {
                for (int k = 0; k < cache.length(); k++) cache.set(k, null);
                cachedSize = size;
            }
        }
        byte[] b = cache.get(i);
        if (b == null) {
            float[] px = load(images.get(i), size);
            b = new byte[px.length];
            for (int k = 0; k < px.length; k++) b[k] = (byte) Math.round(px[k] * 255f);
            cache.set(i, b);
        }
        float[] out = new float[b.length];
        for (int k = 0; k < b.length; k++) out[k] = (b[k] & 0xff) / 255f;
        return out;
    }

    private static float[] load(Path file, int size) {
        try {
            Image rgb = Images.convert(Images.read(file), 3);
            return rgb.width() == size && rgb.height() == size
                    ? rgb.data()
                    : Images.resize(rgb, size, size).data();
        } catch (IOException | DataFormatException e) {
            throw DlkitException.invalidInput(file + ": cannot read the image: " + e.getMessage());
        }
    }

    private static List<LabeledBox> fractions(LabeledImage li) {
        if (li.width() <= 0 || li.height() <= 0) return li.objects();
        List<LabeledBox> out = new ArrayList<>();
        for (LabeledBox b : li.objects()) {
            BoundingBox f = b.box().scale(1f / li.width(), 1f / li.height());
            out.add(new LabeledBox(b.classId(), f, b.difficult()));
        }
        return out;
    }

    private static Path find(Path dir, String name) {
        List<Path> folders = List.of(dir.resolve("images"), dir.resolve("JPEGImages"), dir);
        for (Path folder : folders) {
            Path exact = folder.resolve(name);
            if (name.contains(".") && Files.isRegularFile(exact)) return exact;
            for (String ext : EXTENSIONS) {
                Path p = folder.resolve(name + ext);
                if (Files.isRegularFile(p)) return p;
            }
        }
        throw DlkitException.invalidInput(
                dir
                        + ": no image for the labels of '"
                        + name
                        + "' in images/, JPEGImages/ or the folder itself (.png, .jpg, .jpeg,"
                        + " .bmp)");
    }
}
