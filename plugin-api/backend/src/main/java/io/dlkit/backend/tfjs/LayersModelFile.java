package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js layers model (a Keras functional or sequential topology plus weights) converted to a
 * dlkit {@link KerasModel} (the backend's layers) and frozen into a runnable {@link
 * GraphModelFile}: from a {@code model.json} with {@code .bin} shards, or from the JavaScript
 * bundles nsfwjs ships ({@code model.min.js} exporting the model object, each {@code
 * group1-shard*.min.js} exporting its shard as a base64 string). Every layer's output is a node
 * named after the layer, so intermediate layers can be fetched by name.
 */
public final class LayersModelFile {
    private LayersModelFile() {}

    /**
     * Reads the model and builds its graph.
     *
     * @throws DataFormatException naming the file and the layer when a layer is unsupported or a
     *     weight is missing
     */
    public static GraphModelFile read(Path file) {
        Parsed p = parse(file);
        KerasModel model = KerasModel.of(p.modelConfig(), p.weights(), file.toString());
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "layers-model");
        if (p.kerasVersion() != null) meta.put("keras_version", p.kerasVersion());
        return KerasFreeze.frozen(model, file, meta);
    }

    /** A layers model file's Keras model config, weights and Keras version (or null). */
    record Parsed(Map<?, ?> modelConfig, NamedTensors weights, String kerasVersion) {}

    static Parsed parse(Path file) {
        String source = file.toString();
        String text = WeightManifest.readString(file);
        boolean bundle = file.getFileName().toString().endsWith(".js");
        Object json = bundle ? JsModule.exportedValue(text, source) : JsLiteral.parse(text, source);
        if (!(json instanceof Map<?, ?> m) || !(m.get("modelTopology") instanceof Map<?, ?> topo)) {
            throw new DataFormatException(source + ": not a TF.js layers model (no modelTopology)");
        }
        WeightManifest manifest = WeightManifest.of(m, file);
        NamedTensors weights = bundle ? bundledWeights(manifest) : manifest.load();
        Map<?, ?> config = topo.get("model_config") instanceof Map<?, ?> mc ? mc : topo;
        Object version = topo.get("keras_version");
        return new Parsed(config, weights, version == null ? null : String.valueOf(version));
    }

    /**
     * The layer names of a layers model, in topology order (what intermediate fetches may name).
     */
    public static List<String> layerNames(Path file) {
        String text = WeightManifest.readString(file);
        Object json =
                file.getFileName().toString().endsWith(".js")
                        ? JsModule.exportedValue(text, file.toString())
                        : JsLiteral.parse(text, file.toString());
        Map<?, ?> topo = (Map<?, ?>) ((Map<?, ?>) json).get("modelTopology");
        Map<?, ?> config = topo.get("model_config") instanceof Map<?, ?> mc ? mc : topo;
        List<String> names = new ArrayList<>();
        for (Object l : (List<?>) ((Map<?, ?>) config.get("config")).get("layers")) {
            names.add(String.valueOf(((Map<?, ?>) ((Map<?, ?>) l).get("config")).get("name")));
        }
        return names;
    }

    private static NamedTensors bundledWeights(WeightManifest manifest) {
        Map<String, io.dlkit.backend.io.NdArray> all = new LinkedHashMap<>();
        for (WeightManifest.Group g : manifest.groups()) {
            List<byte[]> parts = new ArrayList<>();
            int total = 0;
            for (String p : g.paths()) {
                Path shard = manifest.file().resolveSibling(p + ".min.js");
                Object v =
                        JsModule.exportedValue(WeightManifest.readString(shard), shard.toString());
                byte[] b = Base64.getDecoder().decode(String.valueOf(v));
                parts.add(b);
                total += b.length;
            }
            ByteBuffer bytes = ByteBuffer.allocate(total);
            parts.forEach(bytes::put);
            bytes.flip();
            all.putAll(WeightManifest.decode(g.weights(), bytes, manifest.file().toString()));
        }
        return new NamedTensors(all, manifest.file().toString());
    }
}
