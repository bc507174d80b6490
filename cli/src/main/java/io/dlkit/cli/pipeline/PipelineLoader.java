package io.dlkit.cli.pipeline;

import io.dlkit.backend.io.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pipeline file ({@code .yaml}, {@code .yml} or {@code .json}) into a {@link PipelineFile}.
 * Anything that stops the file from being read at all (missing, a directory, too large, not YAML)
 * is a {@link PipelineException} with one problem.
 */
public final class PipelineLoader {
    /** Pipelines are a few kilobytes; anything past this is refused before parsing. */
    public static final int MAX_BYTES = 1 << 20;

    private PipelineLoader() {}

    /**
     * Loads a pipeline file.
     *
     * @param file the file, as the user named it (relative to the working directory)
     * @return the parsed file
     * @throws PipelineException if it cannot be read or parsed
     */
    public static PipelineFile load(Path file) {
        String source = file.toString();
        boolean yaml = isYaml(file);
        byte[] content = readBounded(file);
        List<Problem> problems = new ArrayList<>();
        Node root = NodeReader.read(source, content, yaml, problems);
        return new PipelineFile(file, root, sha256(content), problems);
    }

    /**
     * Reads another YAML or JSON document ({@code kind}: "model file") with the pipeline reader's
     * checks and one-line {@code FILE:LINE:COL: message} errors: a size bound, no aliases, bounded
     * nesting, duplicate keys reported. JSON when the name ends in {@code .json}, YAML otherwise.
     *
     * @throws PipelineException (exit 2) when it cannot be read or parsed
     */
    public static Node loadDocument(Path file, String kind) {
        byte[] content = readBounded(file, kind);
        boolean yaml =
                !String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json");
        List<Problem> problems = new ArrayList<>();
        Node root = NodeReader.read(file.toString(), content, yaml, problems, kind);
        if (!problems.isEmpty()) throw new PipelineException(problems);
        return root;
    }

    private static boolean isYaml(Path file) {
        String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        } else if (name.endsWith(".json")) {
            return false;
        }
        throw fail(file, "not a pipeline file: the name must end in .yaml, .yml or .json");
    }

    private static byte[] readBounded(Path file) {
        return readBounded(file, "pipeline file");
    }

    private static byte[] readBounded(Path file, String kind) {
        if (Files.isDirectory(file)) {
            throw fail(file, "is a directory; give a " + kind + " (.yaml, .yml or .json)");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw fail(file, "is not a regular file (a FIFO or a device?); give a " + kind);
        }
        InputFiles.problem(file, "a pipeline file (.yaml, .yml or .json)")
                .ifPresent(
                        p -> {
                            throw fail(file, p);
                        });
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw fail(
                        file, "too large for a " + kind + " (over 1 MiB); is it the right file?");
            }
            return content;
        } catch (NoSuchFileException e) {
            throw fail(file, "no such file");
        } catch (AccessDeniedException e) {
            throw fail(file, "permission denied");
        } catch (IOException e) {
            throw fail(file, "cannot read: " + e.getMessage());
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static PipelineException fail(Path file, String message) {
        return new PipelineException(new Problem(file.toString(), null, "", message));
    }
}
