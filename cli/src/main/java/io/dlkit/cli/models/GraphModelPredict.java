package io.dlkit.cli.models;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.GraphModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code dlkit predict NAME --data IMAGE_OR_FOLDER} for a graph model of the catalog: each image
 * pre-processed as the catalog says, run, and its raw outputs printed (JSON lines with {@code
 * --format json}: every value of outputs up to 4096 values, shape and statistics of larger ones).
 */
public final class GraphModelPredict {
    private static final com.fasterxml.jackson.databind.ObjectMapper LINES =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private GraphModelPredict() {}

    /** Runs catalog model {@code name} on the images at {@code data}. */
    public static int run(CommandContext ctx, String name, String data) {
        ModelCache cache = ModelsCommand.open(ctx, false);
        CatalogEntry e = cache.catalog().get(name);
        var file = GraphModels.read(e, cache.require(name));
        List<Path> images = images(Path.of(data));
        try (GraphContext g = ctx.openGraph()) {
            GraphModel m = GraphModel.load(g, file);
            for (Path image : images) {
                NdArray x = GraphModels.imageInput(e, image);
                Map<String, NdArray> out = m.run(Map.of(m.inputs().get(0).name(), x));
                print(ctx, image, out);
            }
        }
        return 0;
    }

    private static void print(CommandContext ctx, Path image, Map<String, NdArray> out) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        out.forEach((k, v) -> outputs.put(k, GraphModelCommands.outputJson(v)));
        if (ctx.settings().json()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("image", image.toString());
            line.put("outputs", outputs);
            try {
                ctx.out().println(LINES.writeValueAsString(line));
            } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
                throw new UncheckedIOException(ex);
            }
        } else {
            out.forEach((k, v) -> ctx.out().println(image + "  " + k + "  " + preview(v)));
        }
        ctx.out().flush();
    }

    private static String preview(NdArray a) {
        float[] v = a.floats();
        StringBuilder s = new StringBuilder(java.util.Arrays.toString(a.shape())).append(" ");
        for (int i = 0; i < Math.min(8, v.length); i++) {
            s.append(String.format(java.util.Locale.ROOT, "%.5g ", v[i]));
        }
        return (v.length > 8 ? s.append("...") : s).toString().strip();
    }

    private static List<Path> images(Path data) {
        if (!Files.exists(data)) {
            throw DlkitException.invalidInput(
                    data + " does not exist; give an image or a folder" + " of images");
        }
        if (!Files.isDirectory(data)) return List.of(data);
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.toString().matches("(?i).*\\.(png|jpe?g|bmp|gif)$"))
                    .sorted()
                    .toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
