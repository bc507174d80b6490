package io.dlkit.plugins.detector.synthetic;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dlkit detect shapes --out DIR --count N}: writes a synthetic detection set (circles,
 * squares, triangles; {@code DIR/images/*.png}, {@code DIR/labels/*.txt} and {@code classes.txt})
 * for {@code detect train}, {@code eval} and {@code anchors}. The global {@code --seed} picks the
 * images.
 */
@Command(
        name = "shapes",
        mixinStandardHelpOptions = true,
        description = "Write a synthetic shapes detection set (images/ + labels/).")
public final class ShapesCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The folder to write.")
    Path out;

    @Option(names = "--count", defaultValue = "100", description = "Images (default 100).")
    int count;

    @Option(
            names = "--size",
            defaultValue = "128",
            description = "Image side in pixels (default 128).")
    int size;

    @Option(
            names = "--min-objects",
            defaultValue = "1",
            description = "Fewest shapes per image (default 1).")
    int minObjects;

    @Option(
            names = "--max-objects",
            defaultValue = "4",
            description = "Most shapes per image (default 4).")
    int maxObjects;

    @Option(
            names = "--min-side",
            defaultValue = "16",
            description = "Smallest shape side in pixels (default 16).")
    int minSide;

    @Option(
            names = "--max-side",
            defaultValue = "48",
            description = "Largest shape side in pixels (default 48).")
    int maxSide;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ShapesCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        if (count < 1) throw DlkitException.invalidInput("--count must be >= 1, got " + count);
        ShapeOptions options;
        try {
            options = new ShapeOptions(size, minObjects, maxObjects, minSide, maxSide);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("detect shapes: " + e.getMessage());
        }
        Path dir = ctx.settings().workDir().resolve(out);
        if (Files.isDirectory(dir.resolve("labels")) && !ctx.settings().overwrite()) {
            throw DlkitException.invalidInput(
                    dir + " already holds labels/; pass --overwrite or choose another --out");
        }
        ctx.writer().prepareFolder(dir, "--out");
        new ShapesGenerator(ctx.settings().seed(), options).write(dir, count);
        ctx.out()
                .printf(
                        "wrote %d images of %s to %s%n",
                        count, String.join(", ", ShapesGenerator.CLASSES), dir);
        return 0;
    }
}
