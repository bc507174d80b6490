package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.EdgeDetector;
import io.dlkit.backend.image.EdgeFilter;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;

/**
 * {@code image/edges}: the notes' edge-detection kernels run as a TensorFlow convolution on the
 * run's device ({@link EdgeDetector}); the result is a grey image of the edge strength, the
 * strongest edge white. {@code dlkit edges} does the same for one file.
 */
final class EdgesStep implements StepType {
    @Override
    public String name() {
        return "image/edges";
    }

    @Override
    public String description() {
        return "Edge strength of an image (vertical, horizontal, sobel or scharr kernels), as grey.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional(
                        "filter",
                        ParamType.STRING,
                        "sobel",
                        "vertical or horizontal (|response|), sobel or scharr (sqrt(v^2 + h^2))"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "the image (grey, RGB or RGBA)"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(
                Port.of("image", ArtifactType.IMAGE, "the edge strength, grey, scaled to 0..1"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        EdgeFilter filter = filter(params.string("filter"));
        try (GraphContext graph = context.openGraph()) {
            EdgeDetector edges = new EdgeDetector(graph, filter, EdgeDetector.Padding.REFLECT);
            return Map.of("image", edges.normalised(checked((Image) inputs.get("image"))));
        }
    }

    /** The filter of that name, or the error that lists the known ones (exit 2). */
    static EdgeFilter filter(String name) {
        try {
            return EdgeFilter.parse(name);
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** The image, if it is large enough for a 3x3 kernel (exit 2 otherwise). */
    static Image checked(Image image) {
        if (image.height() < 3 || image.width() < 3) {
            throw DlkitException.invalidInput(
                    "the image is "
                            + image.width()
                            + "x"
                            + image.height()
                            + " pixels; edge detection needs at least 3x3");
        }
        return image;
    }
}
