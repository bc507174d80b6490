package io.dlkit.plugins.face.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.plugins.face.detect.FaceBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How the face commands print JSON and write annotated images. */
public final class FaceOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaceOutput() {}

    /** One JSON value on one line of standard output. */
    public static void printJson(CommandContext ctx, Object value) {
        try {
            ctx.out().println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        ctx.out().flush();
    }

    /** A box as {@code {x, y, width, height, score}}, pixels rounded to 0.01. */
    public static Map<String, Object> box(FaceBox b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("x", round(b.x()));
        m.put("y", round(b.y()));
        m.put("width", round(b.width()));
        m.put("height", round(b.height()));
        m.put("score", Math.round(b.score() * 1e4) / 1e4);
        return m;
    }

    /** {@code value} rounded to two decimals. */
    public static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * Writes {@code image} as {@code DIR/<file's name without extension>-<suffix>.png} (creating
     * {@code DIR}), honouring {@code --overwrite}, and says so on stderr.
     */
    public static Path writeImage(
            CommandContext ctx, Path dir, Path source, String suffix, Image image) {
        String name = source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target =
                dir.resolve((dot > 0 ? name.substring(0, dot) : name) + "-" + suffix + ".png");
        try {
            Files.createDirectories(dir);
            ctx.writer().checkWritable(target);
            Images.write(target, image);
        } catch (IOException e) {
            throw DlkitException.failed(target + ": cannot write: " + e.getMessage(), e);
        }
        if (!ctx.settings().quiet()) {
            ctx.err().println("wrote " + target);
            ctx.err().flush();
        }
        return target;
    }

    /** Labels {@code face 1}, {@code face 2}, ... for drawing. */
    static List<String> labels(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> "face " + i).toList();
    }
}
