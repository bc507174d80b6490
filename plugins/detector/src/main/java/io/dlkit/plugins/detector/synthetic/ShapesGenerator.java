package io.dlkit.plugins.detector.synthetic;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.LabeledImage;
import io.dlkit.plugins.detector.labels.YoloLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic detection data set: RGB images of circles, squares and triangles of random size,
 * colour and position on a dark background with a little noise, several per image, never
 * overlapping; each shape's label is its exact bounding box. Image {@code i} depends only on the
 * seed and {@code i}, so any image can be made again alone. Shape colours have every channel in
 * [0.55, 1] and the background every channel in [0, 0.3], so a shape stands out in each channel.
 */
public final class ShapesGenerator {
    /** The class names, in class-index order. */
    public static final List<String> CLASSES =
            Arrays.stream(Shape.values()).map(Shape::label).toList();

    private static final int MAX_TRIES = 100;
    private static final float NOISE = 0.03f;

    private final long seed;
    private final ShapeOptions options;

    /** A generator of images made from {@code seed} with these options. */
    public ShapesGenerator(long seed, ShapeOptions options) {
        this.seed = seed;
        this.options = requireNonNull(options, "options is null");
    }

    /** The image numbered {@code index} and its labels (boxes as fractions of the image). */
    public SyntheticImage generate(int index) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        int size = options.imageSize();
        float[] pixels = background(r, size);
        int wanted =
                options.minObjects() + r.nextInt(options.maxObjects() - options.minObjects() + 1);
        List<LabeledBox> objects = new ArrayList<>();
        List<int[]> placed = new ArrayList<>();
        for (int tries = 0; objects.size() < wanted && tries < MAX_TRIES; tries++) {
            int s = options.minSide() + r.nextInt(options.maxSide() - options.minSide() + 1);
            int x = r.nextInt(size - s + 1);
            int y = r.nextInt(size - s + 1);
            if (overlaps(placed, x, y, s)) {
                continue;
            }
            Shape shape = Shape.values()[r.nextInt(Shape.values().length)];
            draw(pixels, size, shape, x, y, s, colour(r));
            placed.add(new int[] {x, y, s});
            BoundingBox box = new BoundingBox(x, y, x + s, y + s).scale(1f / size, 1f / size);
            objects.add(new LabeledBox(shape.ordinal(), box));
        }
        return new SyntheticImage(new Image(pixels, size, size, 3), objects);
    }

    /**
     * Writes images {@code 0 .. count - 1} as {@code dir/images/shape_00000.png} and their YOLO
     * labels as {@code dir/labels/shape_00000.txt}, with {@code dir/labels/classes.txt}.
     *
     * @return the labels written, one record per image
     */
    public LabelSet write(Path dir, int count) throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Path labels = Files.createDirectories(dir.resolve("labels"));
        Files.writeString(
                labels.resolve(YoloLabels.CLASSES_FILE),
                String.join("\n", CLASSES) + "\n",
                StandardCharsets.UTF_8);
        List<LabeledImage> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = String.format(Locale.ROOT, "shape_%05d", i);
            SyntheticImage img = generate(i);
            Images.write(images.resolve(name + ".png"), img.image());
            YoloLabels.write(labels.resolve(name + ".txt"), img.objects());
            int size = options.imageSize();
            records.add(new LabeledImage(i, name + ".png", size, size, img.objects()));
        }
        return LabelSet.of(CLASSES, records);
    }

    private static float[] background(SplittableRandom r, int size) {
        float[] bg = {
            0.3f * (float) r.nextDouble(),
            0.3f * (float) r.nextDouble(),
            0.3f * (float) r.nextDouble()
        };
        float[] pixels = new float[size * size * 3];
        for (int i = 0; i < pixels.length; i++) {
            float noise = NOISE * (2 * (float) r.nextDouble() - 1);
            pixels[i] = Math.max(0f, bg[i % 3] + noise);
        }
        return pixels;
    }

    private static float[] colour(SplittableRandom r) {
        return new float[] {
            0.55f + 0.45f * (float) r.nextDouble(),
            0.55f + 0.45f * (float) r.nextDouble(),
            0.55f + 0.45f * (float) r.nextDouble()
        };
    }

    private static void draw(float[] px, int size, Shape shape, int x, int y, int s, float[] c) {
        for (int dy = 0; dy < s; dy++) {
            for (int dx = 0; dx < s; dx++) {
                if (shape.covers(dx, dy, s)) {
                    int at = ((y + dy) * size + x + dx) * 3;
                    px[at] = c[0];
                    px[at + 1] = c[1];
                    px[at + 2] = c[2];
                }
            }
        }
    }

    /** Whether a box at (x, y) of side s would touch or overlap one already placed. */
    private static boolean overlaps(List<int[]> placed, int x, int y, int s) {
        for (int[] p : placed) {
            if (x < p[0] + p[2] + 1
                    && p[0] < x + s + 1
                    && y < p[1] + p[2] + 1
                    && p[1] < y + s + 1) {
                return true;
            }
        }
        return false;
    }
}
