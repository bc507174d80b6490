package io.dlkit.plugins.detector.methods;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.train.DetectionData;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit detect crops --data DIR --out DIR --size 32}: an image-classification set for the
 * sliding-window and R-CNN methods: each labelled object cropped square around its box, and {@code
 * --background} random squares that overlap no object by more than IoU 0.1 per image, as {@code
 * OUT/<class>/*.png} and {@code OUT/background/*.png}; {@code dlkit train --data OUT} then trains
 * the classifier.
 */
@Command(
        name = "crops",
        mixinStandardHelpOptions = true,
        description = "Write object and background crops as an image-classification folder.")
public final class CropsCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Labelled images.")
    Path data;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The class folders to write.")
    Path out;

    @Option(
            names = "--size",
            defaultValue = "32",
            description = "Crop side in pixels (default 32).")
    int size;

    @Option(
            names = "--background",
            defaultValue = "2",
            description = "Background crops per image (default 2).")
    int background;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public CropsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (size < 8) throw DlkitException.invalidInput("--size must be >= 8, got " + size);
        Path root = ctx.settings().workDir();
        DetectionData set = DetectionData.read(root.resolve(data));
        Path dir = root.resolve(out);
        ctx.writer().prepareFolder(dir, "--out");
        SplittableRandom r = new SplittableRandom(ctx.settings().seed());
        int objects = 0;
        int backgrounds = 0;
        for (int i = 0; i < set.size(); i++) {
            Image img = Images.convert(Images.read(set.images().get(i)), 3);
            List<LabeledBox> boxes = set.labels().get(i);
            for (LabeledBox b : boxes) {
                BoundingBox px = b.box().scale(img.width(), img.height());
                float side = Math.max(px.width(), px.height()) * 1.1f;
                write(
                        img,
                        px.centerX() - side / 2,
                        px.centerY() - side / 2,
                        side,
                        dir.resolve(set.classNames().get(b.classId())),
                        i,
                        objects++);
            }
            for (int k = 0, tries = 0; k < background && tries < 50; tries++) {
                float side = (float) (img.width() * (0.1 + 0.3 * r.nextDouble()));
                float x = (float) (r.nextDouble() * (img.width() - side));
                float y = (float) (r.nextDouble() * (img.height() - side));
                BoundingBox c = new BoundingBox(x, y, x + side, y + side);
                if (boxes.stream()
                        .anyMatch(b -> b.box().scale(img.width(), img.height()).iou(c) > 0.1))
                    continue;
                write(img, x, y, side, dir.resolve(ClassifierModel.BACKGROUND), i, backgrounds++);
                k++;
            }
        }
        ctx.out()
                .printf(
                        "wrote %d object and %d background crops of %dx%d to %s%n",
                        objects, backgrounds, size, size, dir);
        return 0;
    }

    private void write(Image img, float x, float y, float side, Path folder, int image, int n)
            throws IOException {
        Files.createDirectories(folder);
        float[] px =
                ClassifierModel.crop(
                        img,
                        Math.round(x),
                        Math.round(y),
                        Math.round(x + side),
                        Math.round(y + side),
                        size);
        Images.write(
                folder.resolve(String.format(Locale.ROOT, "%05d_%05d.png", image, n)),
                new Image(px, size, size, 3));
    }
}
