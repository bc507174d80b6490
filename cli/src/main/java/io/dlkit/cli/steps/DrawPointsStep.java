package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Point;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code image/draw-points}: draws landmarks as filled dots (with their labels) onto a copy of an
 * image. The points come from a JSON file ({@code with: {points: file.json}}), from another step
 * ({@code inputs: {points: ${landmarks.points}}}), or both; {@code radius} and {@code color} set
 * the dots' size and colour (by default they grow with the image and take their label's colour).
 */
final class DrawPointsStep implements StepType {
    @Override
    public String name() {
        return "image/draw-points";
    }

    @Override
    public String description() {
        return "Draw labelled points (pixel coordinates, e.g. landmarks) onto a copy of an image.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional(
                        "points",
                        ParamType.PATH,
                        null,
                        "a JSON file: [{\"x\":..,\"y\":..,\"label\":\"left_eye\"}]"),
                ParamSpec.optional(
                        "radius",
                        ParamType.FLOAT,
                        null,
                        "dot radius in pixels (default: 2, more on images over 320 pixels)"),
                ParamSpec.optional(
                        "color",
                        ParamType.STRING,
                        null,
                        "#RRGGBB or a colour name (default: one colour per label)"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(
                Port.of("image", ArtifactType.IMAGE, "the image to draw on"),
                Port.optional("points", ArtifactType.POINTS, "points from another step"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "a copy of the image with the points"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        if (!params.has("points") && inputs.get("points") == null) {
            throw DlkitException.invalidInput(
                    "no points to draw: give 'with: {points: FILE.json}'"
                            + " or wire 'inputs: {points: ${STEP.points}}'");
        }
        List<Point> points = new ArrayList<>();
        if (params.has("points")) {
            points.addAll(PointsFile.read(params.path("points")));
        }
        if (inputs.get("points") != null) {
            points.addAll((List<Point>) inputs.get("points"));
        }
        Image image = (Image) inputs.get("image");
        float radius =
                params.has("radius")
                        ? radius(params.number("radius"))
                        : Drawing.defaultPointRadius(image);
        Color color = params.has("color") ? Colors.parse(params.string("color")) : null;
        return Map.of("image", Drawing.drawPoints(image, points, radius, color));
    }

    private static float radius(double radius) {
        if (!(radius > 0 && radius <= 1000)) {
            throw DlkitException.invalidInput(
                    "radius must be above 0 and at most 1000 pixels, got " + radius);
        }
        return (float) radius;
    }
}
