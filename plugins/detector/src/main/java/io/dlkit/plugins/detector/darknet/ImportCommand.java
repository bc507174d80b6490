package io.dlkit.plugins.detector.darknet;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.detector.yolo.YoloModel;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import io.dlkit.plugins.detector.yolo.YoloRunner;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit detect import CFG [WEIGHTS] --out DIR}: a Darknet YOLOv2-family network (with its
 * trained weights, or freshly initialised without) as a dlkit YOLO model directory, which {@code
 * dlkit detect --model DIR}, {@code detect eval} and {@code detect train --resume} take.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = "Import a Darknet YOLOv2 .cfg (+ .weights) as a dlkit YOLO model folder.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CFG", description = "The Darknet .cfg file.")
    Path cfg;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "WEIGHTS",
            description = "The Darknet .weights file (none: fresh weights).")
    Path weights;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Model folder.")
    Path out;

    @Option(
            names = "--names",
            paramLabel = "FILE",
            description = "Class names, one a line (coco.names, voc.names).")
    Path names;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ImportCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path root = ctx.settings().workDir();
        DarknetNetwork net = DarknetNetwork.read(root.resolve(cfg));
        List<String> classNames = names == null ? List.of() : readNames(root.resolve(names));
        YoloModel model;
        try {
            model = YoloModel.of(net, classNames);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(cfg + ": " + e.getMessage());
        }
        if (names != null && classNames.size() != model.classes()) {
            throw DlkitException.invalidInput(
                    names
                            + " has "
                            + classNames.size()
                            + " names, the cfg "
                            + model.classes()
                            + " classes; give the names file that goes with the cfg");
        }
        Path dir = root.resolve(out);
        try (GraphContext g = ctx.openGraph()) {
            Map<String, NdArray> w =
                    weights == null
                            ? YoloRunner.fresh(g, model).weights()
                            : DarknetYolo.importWeights(
                                    net, DarknetWeights.read(root.resolve(weights), net), model);
            try (GraphContext g2 = ctx.openGraph()) {
                YoloModelDir.create(g2, ctx.writer(), dir, model, w);
            }
        }
        ctx.out()
                .printf(
                        "imported %s (%d classes, %d anchors, %dx%d input) into %s%n",
                        cfg,
                        model.classes(),
                        model.anchorCount(),
                        model.inputSize(),
                        model.inputSize(),
                        dir);
        return 0;
    }

    static List<String> readNames(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(file + ": no such file; give a names file");
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
