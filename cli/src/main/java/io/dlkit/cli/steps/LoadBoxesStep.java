package io.dlkit.cli.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.util.List;
import java.util.Map;

/**
 * {@code boxes/load}: reads boxes from a JSON file, either a list {@code [{"x1":..,"y1":..,
 * "x2":..,"y2":..,"label":..,"score":..}]} or a detections document as {@code boxes/save} writes.
 */
final class LoadBoxesStep implements StepType {
    @Override
    public String name() {
        return "boxes/load";
    }

    @Override
    public String description() {
        return "Read boxes from a JSON file (a list of boxes or a detections document).";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required(
                        "path",
                        ParamType.PATH,
                        "the JSON file, in pixel coordinates of its image"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("boxes", ArtifactType.BOXES, "the boxes"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        return Map.of("boxes", BoxesFile.read(params.path("path")));
    }
}
