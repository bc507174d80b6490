package io.dlkit.plugins.detector.labels;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.nio.file.Path;

/** One-line invalid-input errors (exit code 2) that point at a label file and line. */
final class LabelErrors {
    private LabelErrors() {}

    /** {@code file:line: what; fix}. */
    static DlkitException at(Path file, int line, String what, String fix) {
        return new DlkitException(ExitCode.USAGE, file + ":" + line + ": " + what + "; " + fix);
    }

    /** {@code file: what; fix}, for a problem with no line. */
    static DlkitException in(Path file, String what, String fix) {
        return new DlkitException(ExitCode.USAGE, file + ": " + what + "; " + fix);
    }
}
