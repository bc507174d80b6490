package io.dlkit.plugins.detector.pretrained;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import io.dlkit.backend.tfjs.GraphModelFile;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.yolo.YoloDetector;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import io.dlkit.plugins.detector.yolo.YoloRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens the detector {@code --model} names: a model of the store ({@code nanodet}, the default,
 * ships with dlkit; {@code centernet} is fetched on first use) or a folder holding a TF.js graph
 * model ({@code model.json}, or a single {@code .json}, with its {@code .bin} files), or a YOLO
 * model directory ({@code dlkit detect train} or {@code dlkit detect import}).
 */
public final class DetectorModels {
    /** The default detector: bundled with the distribution, so it works offline. */
    public static final String DEFAULT = "nanodet";

    private DetectorModels() {}

    /**
     * The detector {@code spec} names, imported into {@code graph}.
     *
     * @throws DlkitException (exit 2) for an unknown name, a folder without a graph model, or a
     *     model that is not a detector
     */
    public static ObjectDetector open(GraphContext graph, PretrainedModels models, String spec) {
        return open(graph, models, spec, "model");
    }

    /**
     * The detector of {@code method}: {@code model} (what {@code spec} names), or {@code
     * sliding-window} / {@code rcnn} over the image classifier folder {@code spec}.
     *
     * @throws DlkitException (exit 2) for an unknown method or a folder that does not suit it
     */
    public static ObjectDetector open(
            GraphContext graph, PretrainedModels models, String spec, String method) {
        switch (method) {
            case "model" -> {}
            case "sliding-window" -> {
                return new io.dlkit.plugins.detector.methods.SlidingWindowDetector(
                        graph,
                        io.dlkit.plugins.detector.methods.ClassifierModel.read(Path.of(spec)),
                        new int[] {16, 24, 32, 48});
            }
            case "rcnn" -> {
                return new io.dlkit.plugins.detector.methods.RcnnDetector(
                        graph,
                        io.dlkit.plugins.detector.methods.ClassifierModel.read(Path.of(spec)),
                        300.0 / 255,
                        20);
            }
            default ->
                    throw DlkitException.invalidInput(
                            "--method " + method + ": use model (default), sliding-window or rcnn");
        }
        if (spec.equals(FaceTinyDetector.NAME)) {
            return new FaceTinyDetector(graph, models.weights(FaceTinyDetector.STORE_NAME));
        }
        Path dir = Path.of(spec);
        if (Files.isDirectory(dir) && YoloModelDir.isYoloDir(dir)) {
            return new YoloDetector(YoloRunner.open(graph, dir));
        }
        if (Files.isDirectory(dir)) {
            Path json = modelJson(dir);
            return GraphDetector.of(
                    GraphModel.load(graph, GraphModelFile.read(json)), json.toString());
        }
        if (spec.contains("/") || spec.contains("\\")) {
            throw DlkitException.invalidInput(
                    "--model "
                            + spec
                            + ": no such folder; give nanodet, centernet or a folder"
                            + " with a TF.js graph model.json");
        }
        if (!models.names().contains(spec)) {
            throw DlkitException.invalidInput(
                    "--model "
                            + spec
                            + ": unknown detector; use nanodet (default), centernet, face-tiny"
                            + " or a folder with a TF.js graph model.json");
        }
        return GraphDetector.of(models.openGraph(graph, spec), "model '" + spec + "'");
    }

    private static Path modelJson(Path dir) {
        Path model = dir.resolve("model.json");
        if (Files.isRegularFile(model)) return model;
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jsons =
                    files.filter(p -> p.getFileName().toString().endsWith(".json"))
                            .sorted()
                            .toList();
            if (jsons.size() == 1) return jsons.get(0);
            throw DlkitException.invalidInput(
                    "--model "
                            + dir
                            + ": expected model.json (a TF.js graph model), found "
                            + (jsons.isEmpty() ? "no .json file" : jsons.size() + " .json files"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
