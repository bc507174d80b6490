package io.dlkit.cli.steps;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.StepContext;
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

    /**
     * The file inside the run's output folder ({@link StepContext#resolveOutput}, which refuses
     * locations outside it), with one of the allowed extensions.
     */
    static Path target(StepContext context, String file, List<String> extensions) {
        String lower = file.toLowerCase(Locale.ROOT);
        if (extensions.stream().noneMatch(lower::endsWith)) {
            throw DlkitException.invalidInput(
                    "file " + quote(file) + " must end in " + oneOf(extensions));
        }
        return context.resolveOutput(file);
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
