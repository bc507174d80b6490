package io.dlkit.cli.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code image/save}: writes an image as 8-bit PNG or JPEG into the run's output directory,
 * atomically, refusing to replace an existing file without {@code --overwrite}.
 */
final class SaveImageStep implements StepType {
    @Override
    public String name() {
        return "image/save";
    }

    @Override
    public String description() {
        return "Save an image as PNG or JPEG in the run's output directory.";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.required(
                        "file",
                        ParamType.OUTPUT,
                        "the file name, relative to the output directory, ending in .png or .jpg"));
    }

    @Override
    public List<Port> inputs() {
        return List.of(Port.of("image", ArtifactType.IMAGE, "the image to save"));
    }

    @Override
    public List<Port> outputs() {
        return List.of(Port.of("file", ArtifactType.FILE, "the written file"));
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws IOException {
        Path target = target(context, params.string("file"));
        byte[] bytes = Images.encode(target, (Image) inputs.get("image"));
        context.writer().write(target, out -> out.write(bytes));
        context.recordOutput(target);
        return Map.of("file", target);
    }

    /** The file inside the output directory; a file that is not PNG or JPEG is refused. */
    static Path target(StepContext context, String file) {
        return OutputFiles.target(context, file, OutputFiles.IMAGE_EXTENSIONS);
    }
}
