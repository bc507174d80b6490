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
 * {@code points/load}: reads landmarks from a JSON file, {@code [{"x": 31.5, "y": 40, "label":
 * "left_eye"}]} in pixel coordinates, the form a run's results show points in.
 */
final class LoadPointsStep implements StepType {
    @Override
    public String name() {
        return "points/load";
    }

    @Override
    public String description() {
        return "Read points (landmarks) from a JSON file: [{\"x\":..,\"y\":..,\"label\":..}].";
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
        return List.of(Port.of("points", ArtifactType.POINTS, "the points"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        return Map.of("points", PointsFile.read(params.path("path")));
    }
}
