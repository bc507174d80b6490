package io.dlkit.plugins.detector.methods;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.proposals.GraphSegmentation;
import io.dlkit.plugins.detector.proposals.SelectiveSearch;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect proposals IMG --out FILE}: the selective-search region proposals (what {@code
 * --method rcnn} classifies) drawn on the image, the count on stdout.
 */
@Command(
        name = "proposals",
        mixinStandardHelpOptions = true,
        description =
                "Draw selective-search region proposals (Felzenszwalb-Huttenlocher segments, grouped).")
public final class ProposalsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMG", description = "The image.")
    Path image;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "The annotated image to write (.png or .jpg).")
    Path out;

    @Option(
            names = "--k",
            defaultValue = "1.1765",
            description = "Segmentation scale k for [0, 1] pixels (default 300/255).")
    double k;

    @Option(
            names = "--min-size",
            defaultValue = "20",
            description = "Smallest segment in pixels (default 20).")
    int minSize;

    @Option(
            names = "--max",
            defaultValue = "200",
            description = "Draw at most this many, smallest first (default 200).")
    int max;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ProposalsCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        Path target = root.resolve(out);
        ctx.writer().checkWritable(target);
        Image rgb;
        try {
            rgb = Images.convert(Images.read(root.resolve(image)), 3);
        } catch (IOException | RuntimeException e) {
            throw DlkitException.invalidInput(image + ": cannot read the image: " + e.getMessage());
        }
        List<BoundingBox> found;
        try {
            found = new SelectiveSearch(new GraphSegmentation(k, minSize)).propose(rgb);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput("detect proposals: " + e.getMessage());
        }
        List<Box> boxes = new ArrayList<>();
        for (BoundingBox b : found.subList(0, Math.min(max, found.size()))) {
            boxes.add(new Box(b.x1(), b.y1(), b.x2(), b.y2(), "", Float.NaN));
        }
        byte[] png = Images.encode(target, Drawing.drawBoxes(rgb, boxes));
        ctx.writer().write(target, o -> o.write(png));
        ctx.out()
                .printf(
                        "%s: %d proposals (%d drawn) in %s%n",
                        image, found.size(), boxes.size(), target);
        return 0;
    }
}
