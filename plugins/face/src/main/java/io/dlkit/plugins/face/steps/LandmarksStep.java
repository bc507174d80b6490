package io.dlkit.plugins.face.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Point;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.detect.FaceBox;
import io.dlkit.plugins.face.landmarks.Landmarks68;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code face/landmarks}: face-api's 68 landmarks of every detected face. */
final class LandmarksStep implements StepType {
    private final FaceStepProvider provider;

    LandmarksStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "landmarks";
    }

    @Override
    public String description() {
        return "Find the 68 landmarks of each detected face (face-api's landmark net).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(FaceStepProvider.modelsParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of(FaceStepProvider.facesInput("face/detect"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                FaceStepProvider.facesOutput("68 landmarks each"),
                Port.of(
                        "points",
                        ArtifactType.POINTS,
                        "the landmarks of the first photo, labelled 'face 1'..."));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        List<FacePhoto> in = FaceStepProvider.photos(inputs);
        List<FacePhoto> out = new ArrayList<>();
        try (FaceAnalyzer analyzer = provider.analyzer(context, params)) {
            for (FacePhoto photo : in) {
                List<Landmarks68> points = new ArrayList<>();
                for (FaceBox box : photo.boxes()) {
                    points.add(analyzer.landmarks(photo.image(), box));
                }
                out.add(photo.withLandmarks(points));
                context.progress(out.size(), in.size(), "photo " + out.size());
            }
        }
        return Map.of("faces", List.copyOf(out), "points", points(out));
    }

    private static List<Point> points(List<FacePhoto> photos) {
        List<Point> out = new ArrayList<>();
        if (photos.isEmpty()) {
            return out;
        }
        List<Landmarks68> faces = photos.get(0).landmarks();
        for (int f = 0; f < faces.size(); f++) {
            double[] xy = faces.get(f).xy();
            for (int i = 0; i < xy.length; i += 2) {
                out.add(new Point((float) xy[i], (float) xy[i + 1], "face " + (f + 1)));
            }
        }
        return out;
    }
}
