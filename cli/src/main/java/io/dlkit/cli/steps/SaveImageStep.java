package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
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
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws IOException {
        Path target = target(context.outputDir(), params.string("file"));
        context.writer().checkWritable(target);
        Files.createDirectories(target.getParent());
        try {
            Images.write(target, (Image) inputs.get("image"));
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot write " + target + ": " + StepErrors.oneLine(e.getMessage()),
                    e);
        }
        context.recordOutput(target);
        return Map.of("file", target);
    }

    /** The file inside the output directory; anything that would land outside it is refused. */
    static Path target(Path outputDir, String file) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".png") && !lower.endsWith(".jpg") && !lower.endsWith(".jpeg")) {
            throw DlkitException.invalidInput(
                    "file " + quote(file) + " must end in .png, .jpg or .jpeg");
        }
        Path dir = outputDir.toAbsolutePath().normalize();
        try {
            Path relative = Path.of(file);
            Path target = dir.resolve(relative).normalize();
            if (relative.isAbsolute() || !target.startsWith(dir) || target.equals(dir)) {
                throw DlkitException.invalidInput(
                        "file "
                                + quote(file)
                                + " must be a name inside"
                                + " the output directory (no absolute path, no '..')");
            }
            return target;
        } catch (InvalidPathException e) {
            throw DlkitException.invalidInput("file " + quote(file) + " is not a valid file name");
        }
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
