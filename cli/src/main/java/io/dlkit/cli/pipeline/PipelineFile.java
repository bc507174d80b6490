package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline file as read from disk, before validation: its parsed node tree, its hash for the run
 * manifest, and the problems the reader already found (duplicate keys).
 *
 * @param path the file, as the user named it
 * @param root the parsed document
 * @param sha256 the SHA-256 of the file's bytes, lower-case hex
 * @param problems problems found while reading; validation reports them with its own
 */
public record PipelineFile(Path path, Node root, String sha256, List<Problem> problems) {
    /** Checks the fields. */
    public PipelineFile {
        requireNonNull(path, "path is null");
        requireNonNull(root, "root is null");
        requireNonNull(sha256, "sha256 is null");
        problems = List.copyOf(problems);
    }

    /** The file name as problems show it. */
    public String source() {
        return path.toString();
    }

    /** The directory relative paths in the file are resolved against. */
    public Path directory() {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** The file name without its extension: the pipeline's name when it gives none. */
    public String baseName() {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
