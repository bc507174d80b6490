package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Box;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code image/draw-boxes}: draws boxes onto a copy of an image, each tagged with its class name
 * and score on a filled tag with contrasting text, lines and text sized to the image ({@link
 * Drawing#drawBoxes}). The boxes come from a JSON file ({@code with: {boxes: file.json}}, a list or
 * a detections document), from another step ({@code inputs: {boxes: ${detect.boxes}}}), or both.
 */
final class DrawBoxesStep implements StepType {
    @Override
    public String name() {
        return "image/draw-boxes";
    }

    @Override
    public String description() {
        return "Draw boxes tagged with class and score (pixel coordinates) onto a copy of an image.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional(
                        "boxes",
                        ParamType.PATH,
                        null,
                        "a JSON file: [{\"x1\":..,\"y1\":..,\"x2\":..,\"y2\":..,\"label\":\"dog\",\"score\":0.93}]"
                                + " or a detections document as boxes/save writes"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                Port.of("image", ArtifactType.IMAGE, "the image to draw on"),
                Port.optional("boxes", ArtifactType.BOXES, "boxes from another step"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "a copy of the image with the boxes"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        if (!params.has("boxes") && inputs.get("boxes") == null) {
            throw DlkitException.invalidInput(
                    "no boxes to draw: give 'with: {boxes: FILE.json}'"
                            + " or wire 'inputs: {boxes: ${STEP.boxes}}'");
        }
        List<Box> boxes = new ArrayList<>();
        if (params.has("boxes")) {
            boxes.addAll(BoxesFile.read(params.path("boxes")));
        }
        if (inputs.get("boxes") != null) {
            boxes.addAll((List<Box>) inputs.get("boxes"));
        }
        return Map.of("image", Drawing.drawBoxes((Image) inputs.get("image"), boxes));
    }
}
