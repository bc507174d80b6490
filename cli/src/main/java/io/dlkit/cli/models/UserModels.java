package io.dlkit.cli.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.cli.output.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A user's own TF.js graph model (a {@code model.json} and its weight shards) made into a user
 * catalog entry: every file with its size and SHA-256 as found at import, the folder as source, and
 * an image pre-processing read from the model's single 4-D input with three channels.
 */
final class UserModels {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private UserModels() {}

    /**
     * The entry for the graph model at {@code path}: its {@code model.json}, the only {@code .json}
     * of a folder, or that file itself.
     *
     * @param scale the input scale of {@code dlkit predict NAME --data IMAGE} (0-255 values)
     * @param offset the input offset, added after scaling
     */
    static CatalogEntry describe(String name, Path path, double scale, double offset) {
        Path json = modelJson(path.toAbsolutePath().normalize());
        Path folder = json.getParent();
        JsonNode m = parse(json);
        if (!m.path("modelTopology").has("node")) {
            throw DlkitException.invalidInput(
                    json
                            + " is not a TF.js graph model (no modelTopology.node); only graph models"
                            + " (tensorflowjs_converter --output_format tfjs_graph_model) can be"
                            + " imported under a new name");
        }
        List<CatalogEntry.FileSpec> files = new ArrayList<>();
        files.add(spec(folder, json.getFileName().toString()));
        for (JsonNode group : m.path("weightsManifest")) {
            for (JsonNode p : group.path("paths")) files.add(spec(folder, p.asText()));
        }
        Input input = singleInput(m);
        return new CatalogEntry(
                name,
                "user model (imported from " + folder + ")",
                "tfjs-graph",
                folder.toUri().toString(),
                json.getFileName().toString(),
                "unknown (the user's own model)",
                folder.toString(),
                input == null ? "see dlkit summary " + name : input.toString(),
                "see dlkit summary " + name,
                preprocess(input, scale, offset),
                files);
    }

    private static Path modelJson(Path path) {
        if (!Files.exists(path)) {
            throw DlkitException.invalidInput(
                    path + " does not exist; give a TF.js graph model's folder or its model.json");
        }
        if (Files.isRegularFile(path)) return path;
        if (Files.isRegularFile(path.resolve("model.json"))) return path.resolve("model.json");
        List<Path> jsons;
        try (Stream<Path> all = Files.list(path)) {
            jsons = all.filter(p -> p.toString().endsWith(".json")).toList();
        } catch (IOException e) {
            throw DlkitException.invalidInput(path + " cannot be listed: " + e);
        }
        if (jsons.size() != 1) {
            throw DlkitException.invalidInput(
                    path
                            + " holds "
                            + jsons.size()
                            + " .json files and no model.json; give the model's .json file itself");
        }
        return jsons.get(0);
    }

    private static JsonNode parse(Path json) {
        try {
            return MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw DlkitException.invalidInput(json + " is not valid JSON: " + e.getMessage());
        }
    }

    private static CatalogEntry.FileSpec spec(Path folder, String relative) {
        Path f = folder.resolve(relative).normalize();
        if (!f.startsWith(folder) || !Files.isRegularFile(f)) {
            throw DlkitException.invalidInput(
                    f + " is missing; the model's weightsManifest lists it beside the model.json");
        }
        try {
            return new CatalogEntry.FileSpec(relative, Files.size(f), Hashes.sha256(f));
        } catch (IOException e) {
            throw DlkitException.invalidInput(f + " cannot be read: " + e);
        }
    }

    /** A graph input: its name and dimensions (-1 unknown). */
    private record Input(String name, List<Long> dims) {
        @Override
        public String toString() {
            return name + " " + dims + " float32";
        }
    }

    /**
     * The model's only input: from its signature, else its only Placeholder node; null when there
     * is not exactly one.
     */
    private static Input singleInput(JsonNode m) {
        JsonNode inputs = m.path("signature").path("inputs");
        if (inputs.size() == 1) {
            JsonNode in = inputs.elements().next();
            return new Input(in.path("name").asText(), dims(in.path("tensorShape")));
        }
        List<Input> placeholders = new ArrayList<>();
        for (JsonNode n : m.path("modelTopology").path("node")) {
            if (n.path("op").asText().equals("Placeholder")) {
                JsonNode shape = n.path("attr").path("shape").path("shape");
                placeholders.add(new Input(n.path("name").asText(), dims(shape)));
            }
        }
        return placeholders.size() == 1 ? placeholders.get(0) : null;
    }

    private static List<Long> dims(JsonNode shape) {
        List<Long> out = new ArrayList<>();
        for (JsonNode d : shape.path("dim")) out.add(d.path("size").asLong(-1));
        return out;
    }

    /** An image contract when the input is [N,H,W,3] or [N,3,H,W] with known H and W, else null. */
    private static CatalogEntry.Preprocess preprocess(Input input, double scale, double off) {
        if (input == null) return null;
        List<Long> d = input.dims();
        if (d.size() != 4) return null;
        if (d.get(3) == 3 && d.get(1) > 0 && d.get(2) > 0) {
            return image(d.get(1), d.get(2), scale, off, "NHWC");
        }
        if (d.get(1) == 3 && d.get(2) > 0 && d.get(3) > 0) {
            return image(d.get(2), d.get(3), scale, off, "NCHW");
        }
        return null;
    }

    private static CatalogEntry.Preprocess image(
            long h, long w, double scale, double offset, String layout) {
        return new CatalogEntry.Preprocess(List.of((int) h, (int) w), scale, offset, layout);
    }
}
