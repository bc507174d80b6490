package io.dlkit.plugins.face.landmarks;

import io.dlkit.api.CommandContext;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Point;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.command.FaceOutput;
import io.dlkit.plugins.face.detect.FaceBox;
import jakarta.inject.Inject;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit face landmarks IMG|DIR...}: each face's box and its 68 points, one JSON line per
 * image ({@code {image, faces: [{box, points: [[x, y], ...]}]}}); {@code --annotate DIR} draws the
 * points onto a copy of each image.
 */
@Command(
        name = "landmarks",
        mixinStandardHelpOptions = true,
        description = {
            "Find the 68 landmarks of each face (face-api's face_landmark_68 net), as JSON.",
            "e.g. dlkit face landmarks group.jpg --annotate out/"
        })
public final class LandmarksCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images or folders of them.")
    List<Path> images = new ArrayList<>();

    @Option(names = "--annotate", paramLabel = "DIR", description = "Write annotated copies here.")
    Path annotate;

    @Mixin FaceOptions options;

    private final CommandContext ctx;
    private final PretrainedModels store;

    /** dlkit injects the command context and the model store. */
    @Inject
    public LandmarksCommand(CommandContext ctx, PretrainedModels store) {
        this.ctx = ctx;
        this.store = store;
    }

    @Override
    public Integer call() {
        List<Path> files = FaceOptions.imageFiles(images);
        double min = options.minConfidence();
        try (FaceAnalyzer analyzer = options.open(ctx, store)) {
            for (Path file : files) {
                FaceImage image = FaceOptions.read(file);
                List<Map<String, Object>> faces = new ArrayList<>();
                List<Point> drawn = new ArrayList<>();
                for (FaceBox box : analyzer.detect(image, min)) {
                    Landmarks68 points = analyzer.landmarks(image, box);
                    List<double[]> xy = new ArrayList<>();
                    for (int i = 0; i < 68; i++) {
                        xy.add(
                                new double[] {
                                    FaceOutput.round(points.x(i)), FaceOutput.round(points.y(i))
                                });
                        drawn.add(new Point((float) points.x(i), (float) points.y(i), ""));
                    }
                    Map<String, Object> face = new LinkedHashMap<>();
                    face.put("box", FaceOutput.box(box));
                    face.put("points", xy);
                    faces.add(face);
                }
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("image", file.toString());
                doc.put("faces", faces);
                FaceOutput.printJson(ctx, doc);
                if (annotate != null) {
                    float r = Math.max(1.5f, Drawing.defaultPointRadius(image.toImage()) / 2);
                    FaceOutput.writeImage(
                            ctx,
                            annotate,
                            file,
                            "landmarks",
                            Drawing.drawPoints(image.toImage(), drawn, r, Color.GREEN));
                }
            }
        }
        return 0;
    }
}
