package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;

/**
 * One thing wrong with a pipeline, reported as one line: {@code FILE:LINE:COL: PATH: MESSAGE}, for
 * example {@code pipelines/bad.yaml:7:5: steps[1].with.widht: unknown parameter 'widht' ...}.
 *
 * @param source the file as the user named it, or {@code --set NAME=VALUE} for an override
 * @param position where in the file, or null when the problem has no place (a missing file, an
 *     override)
 * @param path the field path ({@code steps[1].with.widht}), or empty for the whole file
 * @param message what is wrong and, where it can say, how to fix it
 */
public record Problem(String source, Position position, String path, String message)
        implements Comparable<Problem> {
    private static final Comparator<Problem> IN_FILE =
            Comparator.comparing(Problem::position)
                    .thenComparing(Problem::path)
                    .thenComparing(Problem::message);

    /** Checks the fields. */
    public Problem {
        requireNonNull(source, "source is null");
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
    }

    /** The one-line form: {@code FILE:LINE:COL: PATH: MESSAGE}. */
    public String format() {
        StringBuilder line = new StringBuilder(source);
        if (position != null) {
            line.append(':').append(position);
        }
        line.append(": ");
        if (!path.isEmpty()) {
            line.append(path).append(": ");
        }
        return line.append(message).toString();
    }

    /**
     * Orders problems by position in the file; problems without a position come last, in the order
     * they were found (a stable sort keeps it).
     */
    @Override
    public int compareTo(Problem other) {
        if (position == null || other.position == null) {
            return Boolean.compare(position == null, other.position == null);
        }
        return IN_FILE.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
