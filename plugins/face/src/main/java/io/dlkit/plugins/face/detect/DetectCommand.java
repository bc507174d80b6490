package io.dlkit.plugins.face.detect;

import io.dlkit.api.CommandContext;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Drawing;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face detect IMG|DIR...}: the faces the SSD MobileNet-V1 finds, one line per face
 * ({@code image face x y width height score}) or, with {@code --format json}, one JSON line per
 * image; {@code --annotate DIR} writes a copy of each image with its boxes drawn.
 */
@Command(
        name = "detect",
        mixinStandardHelpOptions = true,
        description = {
            "Find faces (face-api's SSD MobileNet-V1): boxes and scores.",
            "e.g. dlkit face detect photos/ --annotate out/"
        })
public final class DetectCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write annotated copies here.")
    Path annotate;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public DetectCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        List<Path> files = FaceOptions.imageFiles(images);
        double min = options.minConfidence();
        if (!ctx.settings().json()) {
            ctx.out().println("IMAGE  FACE  X  Y  WIDTH  HEIGHT  SCORE");
        }
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (Path file : files) {
                FaceImage image = FaceOptions.read(file);
                List<FaceBox> faces = analyzer.detect(image, min);
                print(file, faces);
                if (annotate != null) {
                    List<Box> boxes = new ArrayList<>();
                    for (FaceBox f : faces) {
                        boxes.add(
                                new Box(
                                        (float) f.x(),
                                        (float) f.y(),
                                        (float) f.right(),
                                        (float) f.bottom(),
                                        "face",
                                        (float) f.score()));
                    }
                    FaceOutput.writeImage(
                            ctx,
                            annotate,
                            file,
                            "faces",
                            Drawing.drawBoxes(image.toImage(), boxes));
                }
            }
        }
        ctx.out().flush();
        return 0;
    }

    private void print(Path file, List<FaceBox> faces) {
        if (ctx.settings().json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("image", file.toString());
            doc.put("faces", faces.stream().map(FaceOutput::box).toList());
            FaceOutput.printJson(ctx, doc);
            return;
        }
        for (int i = 0; i < faces.size(); i++) {
            FaceBox f = faces.get(i);
            ctx.out()
                    .println(
                            String.format(
                                    Locale.ROOT,
                                    "%s  %d  %.1f  %.1f  %.1f  %.1f  %.4f",
                                    file,
                                    i + 1,
                                    f.x(),
                                    f.y(),
                                    f.width(),
                                    f.height(),
                                    f.score()));
        }
        if (faces.isEmpty() && !ctx.settings().quiet()) {
            ctx.err().println(file + ": no face found");
        }
    }
}
