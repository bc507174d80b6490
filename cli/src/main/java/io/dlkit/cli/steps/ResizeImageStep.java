package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.util.List;
import java.util.Map;

/**
 * {@code image/resize}: bilinear resize. With only {@code width} or only {@code height} the other
 * side follows the aspect ratio (rounded, at least 1); with both, the image is stretched to exactly
 * that size, or with {@code keep_aspect: true} scaled to fit inside it.
 */
final class ResizeImageStep implements StepType {
    @Override
    public String name() {
        return "image/resize";
    }

    @Override
    public String description() {
        return "Resize an image bilinearly; give width, height or both.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.optional(
                        "width",
                        ParamType.INT,
                        null,
                        "the new width in pixels; omit to follow the aspect ratio"),
                ParamSpec.optional(
                        "height",
                        ParamType.INT,
                        null,
                        "the new height in pixels; omit to follow the aspect ratio"),
                ParamSpec.optional(
                        "keep_aspect",
                        ParamType.BOOL,
                        false,
                        "with both width and height: fit inside them instead of stretching"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "the image to resize"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "the resized image"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        Image image = (Image) inputs.get("image");
        int[] size = targetSize(image.height(), image.width(), params);
        return Map.of("image", Images.resize(image, size[0], size[1]));
    }

    /** The output {height, width}. */
    static int[] targetSize(int height, int width, Params params) {
        Integer w = params.has("width") ? positive(params, "width") : null;
        Integer h = params.has("height") ? positive(params, "height") : null;
        if (w == null && h == null) {
            throw DlkitException.invalidInput("give width, height or both");
        } else if (h == null) {
            return new int[] {scaled(height, w, width), w};
        } else if (w == null) {
            return new int[] {h, scaled(width, h, height)};
        } else if (params.bool("keep_aspect")) {
            double scale = Math.min((double) w / width, (double) h / height);
            return new int[] {
                Math.max(1, (int) Math.round(height * scale)),
                Math.max(1, (int) Math.round(width * scale))
            };
        }
        return new int[] {h, w};
    }

    private static int scaled(int side, int newOther, int other) {
        return Math.max(1, (int) Math.round((double) side * newOther / other));
    }

    private static int positive(Params params, String name) {
        int value = params.integer(name);
        if (value < 1 || value > 65_536) {
            throw DlkitException.invalidInput(name + " must be 1 to 65536 pixels, got " + value);
        }
        return value;
    }
}
