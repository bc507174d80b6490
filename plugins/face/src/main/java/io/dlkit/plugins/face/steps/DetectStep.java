package io.dlkit.plugins.face.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Image;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.FaceImage;
import io.dlkit.plugins.face.command.FaceOptions;
import io.dlkit.plugins.face.detect.FaceBox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code face/detect}: the faces in the images of {@code with: {images: FILE|DIR}} (path order) and
 * in {@code inputs: {image}}, by face-api's SSD MobileNet-V1 or tiny face detector.
 */
final class DetectStep implements StepType {
    private final FaceStepProvider provider;

    DetectStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "detect";
    }

    @Override
    public String description() {
        return "Find faces (face-api's SSD MobileNet-V1 or tiny detector) in an image or a folder.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional("images", ParamType.PATH, null, "an image or a folder of them"),
                ParamSpec.optional("min_confidence", ParamType.FLOAT, 0.5, "smallest score kept"),
                ParamSpec.optional("detector", ParamType.STRING, "ssd", "ssd or tiny"),
                ParamSpec.optional("input_size", ParamType.INT, 416, "the tiny detector's side"),
                FaceStepProvider.modelsParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.optional("image", ArtifactType.IMAGE, "an image, after the files"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                FaceStepProvider.facesOutput("their boxes"),
                Port.of("boxes", ArtifactType.BOXES, "the faces of the first photo, 'face 1'..."));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        Object image = inputs.get("image");
        if (!params.has("images") && image == null) {
            throw DlkitException.invalidInput(
                    "face/detect: no image; set with.images to an image or folder, or wire"
                            + " inputs.image");
        }
        double min = params.number("min_confidence");
        String detector = params.string("detector");
        if (!detector.equals("ssd") && !detector.equals("tiny")) {
            throw DlkitException.invalidInput(
                    "face/detect: detector must be ssd or tiny, got '" + detector + "'");
        }
        List<Path> files =
                params.has("images")
                        ? FaceOptions.imageFiles(List.of(params.path("images")))
                        : List.of();
        List<FacePhoto> photos = new ArrayList<>();
        int total = files.size() + (image == null ? 0 : 1);
        try (FaceAnalyzer analyzer = provider.analyzer(context, params)) {
            if (detector.equals("tiny")) {
                analyzer.useTinyDetector(params.integer("input_size"));
            }
            for (Path file : files) {
                photos.add(detect(analyzer, file.toString(), FaceOptions.read(file), min));
                context.progress(photos.size(), total, "photo " + photos.size());
            }
            if (image instanceof Image img) {
                photos.add(detect(analyzer, "inputs.image", FaceImage.of(img), min));
            }
        }
        List<Box> boxes = new ArrayList<>();
        List<FaceBox> first = photos.isEmpty() ? List.of() : photos.get(0).boxes();
        for (int i = 0; i < first.size(); i++) {
            FaceBox f = first.get(i);
            boxes.add(
                    new Box(
                            (float) f.x(),
                            (float) f.y(),
                            (float) f.right(),
                            (float) f.bottom(),
                            "face " + (i + 1),
                            (float) f.score()));
        }
        return Map.of("faces", List.copyOf(photos), "boxes", boxes);
    }

    private static FacePhoto detect(FaceAnalyzer analyzer, String id, FaceImage image, double min) {
        return new FacePhoto(id, image, analyzer.detect(image, min), List.of(), List.of());
    }
}
