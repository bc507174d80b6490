package io.dlkit.cli.steps;

import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.image.Image;
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
                        ParamType.STRING,
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
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs) {
        Path target = target(context.outputDir(), params.string("file"));
        return Map.of("file", OutputFiles.writeImage(context, target, (Image) inputs.get("image")));
    }

    /** The file inside the output directory; anything that would land outside it is refused. */
    static Path target(Path outputDir, String file) {
        return OutputFiles.inside(outputDir, file, OutputFiles.IMAGE_EXTENSIONS);
    }
}
