package io.dlkit.plugins.face.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.Embeddings;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.face.FaceAnalyzer;
import io.dlkit.plugins.face.landmarks.Landmarks68;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code face/embed}: the 128-d descriptor of each face, cut out aligned by its landmarks as
 * face-api does.
 */
final class EmbedStep implements StepType {
    private final FaceStepProvider provider;

    EmbedStep(FaceStepProvider provider) {
        this.provider = provider;
    }

    @Override
    public String name() {
        return "embed";
    }

    @Override
    public String description() {
        return "Align each face by its landmarks and embed it as a 128-d descriptor.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(FaceStepProvider.modelsParam());
    }

    @Override
    public List<Port> inputs() {
        return List.of(FaceStepProvider.facesInput("face/landmarks"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                FaceStepProvider.facesOutput("descriptors"),
                Port.of(
                        "embeddings",
                        ArtifactType.EMBEDDINGS,
                        "every face's descriptor, id 'PHOTO#N' (N from 1, best score first)"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        List<FacePhoto> in = FaceStepProvider.photos(inputs);
        List<FacePhoto> out = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<float[]> all = new ArrayList<>();
        for (FacePhoto photo : in) {
            FaceStepProvider.require(
                    photo.landmarks().size() == photo.boxes().size(),
                    "face/embed",
                    "landmarks",
                    "face/landmarks");
        }
        try (FaceAnalyzer analyzer = provider.analyzer(context, params)) {
            for (FacePhoto photo : in) {
                List<float[]> descriptors = new ArrayList<>();
                for (Landmarks68 points : photo.landmarks()) {
                    descriptors.add(analyzer.descriptor(photo.image(), points));
                    ids.add(photo.id() + "#" + descriptors.size());
                }
                all.addAll(descriptors);
                out.add(photo.withDescriptors(descriptors));
                context.progress(out.size(), in.size(), "photo " + out.size());
            }
        }
        Embeddings embeddings = Embeddings.of(ids, all.toArray(float[][]::new));
        return Map.of("faces", List.copyOf(out), "embeddings", embeddings);
    }
}
