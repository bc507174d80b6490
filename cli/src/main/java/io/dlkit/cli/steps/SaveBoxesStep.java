package io.dlkit.cli.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.pipeline.ArtifactJson;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Image;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code boxes/save}: writes boxes as a JSON detections document into the run's output directory,
 * atomically, refusing to replace a file without {@code --overwrite}: {@code {"width": 640,
 * "height": 480, "detections": [{"class_id": 16, "class": "dog", "score": 0.93, "box": {"x1": 10,
 * "y1": 20, "x2": 110, "y2": 220}}]}} (see {@link ArtifactJson#detections}). The width and height
 * are those of the image the boxes belong to; {@code boxes/load} and {@code image/draw-boxes} read
 * the file back.
 */
final class SaveBoxesStep implements StepType {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "boxes/save";
    }

    @Override
    public String description() {
        return "Save boxes as a JSON detections document in the run's output directory.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required(
                        "file",
                        ParamType.OUTPUT,
                        "the file name, relative to the output directory, ending in .json"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                Port.of(
                        "boxes",
                        ArtifactType.BOXES,
                        "the boxes, in pixel coordinates of the image"),
                Port.of("image", ArtifactType.IMAGE, "the image they belong to (for its size)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("file", ArtifactType.FILE, "the written file"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws JsonProcessingException {
        Path target = OutputFiles.target(context, params.string("file"), List.of(".json"));
        Image image = (Image) inputs.get("image");
        Map<String, Object> document =
                ArtifactJson.detections(
                        (List<Box>) inputs.get("boxes"), image.width(), image.height());
        return Map.of(
                "file",
                OutputFiles.writeText(context, target, JSON.writeValueAsString(document) + "\n"));
    }
}
