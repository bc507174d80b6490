package io.dlkit.cli.pipeline;

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
        if (Files.isDirectory(file)) {
            throw fail(file, "is a directory; give a pipeline file (.yaml, .yml or .json)");
        }
        io.dlkit.api.FileKind kind = io.dlkit.api.FileKind.of(file);
        if (kind != io.dlkit.api.FileKind.FILE && kind != io.dlkit.api.FileKind.MISSING) {
            // Before opening it: a FIFO would wait for a writer forever.
            throw fail(file, "is " + kind.description() + ", not a pipeline file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw fail(
                        file, "too large for a pipeline file (over 1 MiB); is it the right file?");
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
