package io.dlkit.plugins.embeddings.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.CommandContext;
import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.format.VectorFiles;
import io.dlkit.plugins.embeddings.format.VectorFormat;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** What the embed commands share: writing vectors atomically, JSON, messages on stderr. */
public final class CommandIo {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CommandIo() {}

    /** {@code path} relative to the working directory. */
    public static Path resolve(CommandContext ctx, Path path) {
        return ctx.settings().workDir().resolve(path);
    }

    /** Writes {@code vectors} to {@code target} (already resolved) atomically; returns the path. */
    public static Path writeVectors(
            CommandContext ctx, WordVectors vectors, Path target, VectorFormat format) {
        return ctx.writer().write(target, out -> VectorFiles.write(vectors, format, out));
    }

    /** Prints one JSON document on stdout. */
    public static void printJson(CommandContext ctx, Object value) {
        ctx.out().println(toJson(value));
        ctx.out().flush();
    }

    /** {@code value} as indented JSON. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line on stderr unless {@code -q}. */
    public static void note(CommandContext ctx, String line) {
        if (!ctx.settings().quiet()) {
            ctx.err().println(line);
            ctx.err().flush();
        }
    }
}
