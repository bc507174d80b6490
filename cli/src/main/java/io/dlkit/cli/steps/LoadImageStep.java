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
import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code image/load}: reads a PNG, JPEG, BMP or GIF file into an image with 1, 3 or 4 channels. */
final class LoadImageStep implements StepType {
    @Override
    public String name() {
        return "image/load";
    }

    @Override
    public String description() {
        return "Read an image file (PNG, JPEG, BMP, GIF) as float pixels in [0, 1].";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required("path", ParamType.PATH, "the image file"),
                ParamSpec.optional(
                        "channels",
                        ParamType.INT,
                        3,
                        "1 (grey), 3 (RGB) or 4 (RGBA), converted from what the file holds"));
    }

    @Override
    public List<Port> inputs() {
        return List.of();
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "the decoded image"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        Path path = params.path("path");
        int channels = params.integer("channels");
        if (channels != 1 && channels != 3 && channels != 4) {
            throw DlkitException.invalidInput(
                    "channels must be 1 (grey), 3 (RGB) or 4 (RGBA), got " + channels);
        }
        try {
            Image image = Images.read(path, channels);
            return Map.of("image", image);
        } catch (IOException | DataFormatException e) {
            throw StepErrors.readFailure(path, e);
        }
    }
}
