package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where the core steps write: a file name inside the run's output directory with an allowed
 * extension, written atomically, never replacing a file without {@code --overwrite}, and recorded
 * in the manifest.
 */
final class OutputFiles {
    static final List<String> IMAGE_EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private OutputFiles() {}

    /** The file inside the output directory; anything that would land outside it is refused. */
    static Path inside(Path outputDir, String file, List<String> extensions) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(lower::endsWith)) {
            throw DlkitException.invalidInput(
                    "file " + quote(file) + " must end in " + oneOf(extensions));
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

    /** Writes an image (PNG or JPEG by extension) and records it. */
    static Path writeImage(StepContext context, Path target, Image image) {
        context.writer().checkWritable(target);
        try {
            Files.createDirectories(target.getParent());
            Images.write(target, image);
        } catch (IOException e) {
            throw new DlkitException(
                    ExitCode.FAILED,
                    "cannot write " + target + ": " + StepErrors.oneLine(e.getMessage()),
                    e);
        }
        context.recordOutput(target);
        return target;
    }

    /** Writes UTF-8 text and records it. */
    static Path writeText(StepContext context, Path target, String text) {
        context.writer().writeString(target, text);
        context.recordOutput(target);
        return target;
    }

    private static String oneOf(List<String> extensions) {
        int last = extensions.size() - 1;
        return last == 0
                ? extensions.get(0)
                : String.join(", ", extensions.subList(0, last)) + " or " + extensions.get(last);
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }
}
