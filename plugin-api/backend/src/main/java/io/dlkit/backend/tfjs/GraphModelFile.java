package io.dlkit.backend.tfjs;

import io.dlkit.backend.io.DataFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.TensorShapeProto;

/**
 * A TF.js graph model ({@code model.json} with {@code format: graph-model} and its {@code .bin}
 * shards) read into a TensorFlow {@link GraphDef} with its named inputs and outputs. Reading needs
 * no native code; {@link GraphModel#load} imports it into a graph.
 *
 * @param file the model.json
 * @param graphDef the converted graph, weights included as constants
 * @param inputs the placeholders, in file order
 * @param outputs the outputs its signature names (or the graph's sinks), sorted by name
 * @param parameters the number of weight values
 * @param metadata {@code format}, {@code generatedBy}, {@code convertedBy} as the file states them
 */
public record GraphModelFile(
        Path file,
        GraphDef graphDef,
        List<TensorSpec> inputs,
        List<TensorSpec> outputs,
        long parameters,
        Map<String, String> metadata) {

    /**
     * Reads a graph model.
     *
     * @throws DataFormatException naming the file (and node) when it is not a TF.js graph model or
     *     its weights do not fit it
     */
    public static GraphModelFile read(Path modelJson) {
        String source = modelJson.toString();
        if (!(JsLiteral.parse(WeightManifest.readString(modelJson), source) instanceof Map<?, ?> m)
                || !(m.get("modelTopology") instanceof Map<?, ?> topology)
                || !(topology.get("node") instanceof List<?> nodes)) {
            throw new DataFormatException(
                    source
                            + ": not a TF.js graph model (no"
                            + " modelTopology.node list); a layers model needs the layers importer");
        }
        NamedTensors weights = WeightManifest.of(m, modelJson).load();
        GraphDef def = new GraphDefBuilder(weights, source).build(nodes);
        Map<String, String> meta = new LinkedHashMap<>();
        for (String k : List.of("format", "generatedBy", "convertedBy")) {
            if (m.get(k) != null) meta.put(k, String.valueOf(m.get(k)));
        }
        return new GraphModelFile(
                modelJson, def, inputs(def), outputs(m, def), weights.parameters(), meta);
    }

    /** How many nodes of each op type the converted graph has, most frequent first. */
    public Map<String, Integer> opCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeDef n : graphDef.getNodeList()) counts.merge(n.getOp(), 1, Integer::sum);
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static List<TensorSpec> inputs(GraphDef def) {
        List<TensorSpec> in = new ArrayList<>();
        for (NodeDef n : def.getNodeList()) {
            if (!n.getOp().equals("Placeholder")) continue;
            long[] shape =
                    n.containsAttr("shape")
                            ? dims(n.getAttrOrThrow("shape").getShape())
                            : new long[0];
            in.add(new TensorSpec(n.getName(), n.getAttrOrThrow("dtype").getType().name(), shape));
        }
        return in;
    }

    private static List<TensorSpec> outputs(Map<?, ?> model, GraphDef def) {
        Map<?, ?> sig =
                model.get("signature") instanceof Map<?, ?> s
                        ? s
                        : model.get("userDefinedMetadata") instanceof Map<?, ?> u
                                        && u.get("signature") instanceof Map<?, ?> s2
                                ? s2
                                : Map.of();
        List<TensorSpec> out = new ArrayList<>();
        if (sig.get("outputs") instanceof Map<?, ?> outputs) {
            for (Object o : outputs.values()) {
                Map<?, ?> spec = (Map<?, ?>) o;
                long[] shape =
                        spec.get("tensorShape") instanceof Map<?, ?> ts
                                ? dims(ProtoJson.shape(ts))
                                : new long[0];
                String dtype =
                        spec.get("dtype") == null ? "DT_FLOAT" : String.valueOf(spec.get("dtype"));
                out.add(new TensorSpec(tensorName(String.valueOf(spec.get("name"))), dtype, shape));
            }
        } else {
            for (String sink : sinks(def)) out.add(new TensorSpec(sink, "DT_FLOAT", new long[0]));
        }
        out.sort(Comparator.comparing(TensorSpec::name, GraphModelFile::naturalOrder));
        return List.copyOf(out);
    }

    private static List<String> sinks(GraphDef def) {
        Set<String> consumed = new HashSet<>();
        for (NodeDef n : def.getNodeList()) {
            for (String i : n.getInputList())
                consumed.add(i.replaceFirst("^\\^", "").replaceFirst(":\\d+$", ""));
        }
        return def.getNodeList().stream()
                .filter(n -> !consumed.contains(n.getName()))
                .filter(n -> !Set.of("Const", "Placeholder", "NoOp").contains(n.getOp()))
                .map(NodeDef::getName)
                .toList();
    }

    /** {@code Identity:0} is fetched as {@code Identity}; other output indices stay. */
    private static String tensorName(String name) {
        return name.endsWith(":0") ? name.substring(0, name.length() - 2) : name;
    }

    static long[] dims(TensorShapeProto shape) {
        return shape.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    }

    /** Orders {@code Identity_2} before {@code Identity_10}. */
    static int naturalOrder(String a, String b) {
        String pa = a.replaceAll("\\d+$", "");
        String pb = b.replaceAll("\\d+$", "");
        if (!pa.equals(pb) || a.equals(pa) || b.equals(pb)) return a.compareTo(b);
        return Long.compare(
                Long.parseLong(a.substring(pa.length())), Long.parseLong(b.substring(pb.length())));
    }
}
