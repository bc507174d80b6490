package io.dlkit.plugins.detector.darknet;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import io.dlkit.plugins.detector.yolo.YoloRunner;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect export DIR --out PREFIX}: a dlkit YOLO model directory as Darknet {@code
 * PREFIX.cfg} + {@code PREFIX.weights} (+ {@code PREFIX.names}), which Darknet and OpenCV's {@code
 * cv2.dnn.readNetFromDarknet} read.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Export a dlkit YOLO model folder as Darknet .cfg + .weights (+ .names).")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "DIR", description = "The YOLO model folder.")
    Path model;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "PREFIX",
            description = "Writes PREFIX.cfg, PREFIX.weights and PREFIX.names.")
    Path out;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ExportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        Path dir = root.resolve(model);
        if (!YoloModelDir.isYoloDir(dir)) {
            throw DlkitException.invalidInput(
                    model + ": not a YOLO model folder (model.yaml with a yolo: section)");
        }
        Path prefix = root.resolve(out);
        Path cfg = sibling(prefix, ".cfg");
        Path weights = sibling(prefix, ".weights");
        Path names = sibling(prefix, ".names");
        for (Path p : new Path[] {cfg, weights, names}) ctx.writer().checkWritable(p);
        DarknetYolo.Exported e;
        try (GraphContext g = ctx.openGraph()) {
            YoloRunner r = YoloRunner.open(g, dir);
            e = DarknetYolo.export(r.model(), r.weights(), 0);
            if (prefix.getParent() != null) ctx.writer().prepareFolder(prefix.getParent(), "--out");
            ctx.writer().writeString(cfg, e.cfg());
            ctx.writer().write(weights, o -> e.weights().writeTo(o, e.network()));
            ctx.writer().writeString(names, String.join("\n", r.model().classNames()) + "\n");
        }
        ctx.out().printf("exported %s to %s, %s and %s%n", model, cfg, weights, names);
        return 0;
    }

    private static Path sibling(Path prefix, String ext) {
        return prefix.resolveSibling(prefix.getFileName() + ext);
    }
}
