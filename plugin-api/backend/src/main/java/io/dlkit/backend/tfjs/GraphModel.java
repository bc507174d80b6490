package io.dlkit.backend.tfjs;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.GraphContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;

/**
 * A graph-backed model: an imported graph (a TF.js graph model, or any GraphDef) in a {@link
 * GraphContext}, run by feeding its named inputs and fetching its named outputs. It holds no
 * variables; the weights are constants of the graph.
 *
 * <pre>{@code
 * try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 42)) {
 *     GraphModel m = GraphModel.load(g, GraphModelFile.read(Path.of("centernet.json")));
 *     NdArray boxes = m.run(Map.of("tower_0/images", image)).get("tower_0/detections");
 * }
 * }</pre>
 */
public final class GraphModel {
    private final GraphContext context;
    private final GraphModelFile file;
    private final List<TensorSpec> outputs;

    private GraphModel(GraphContext context, GraphModelFile file, List<TensorSpec> outputs) {
        this.context = context;
        this.file = file;
        this.outputs = outputs;
    }

    /**
     * Imports {@code file}'s graph into {@code context}'s graph (which should hold nothing of the
     * same names).
     *
     * @throws DataFormatException naming the file when TensorFlow rejects the graph
     */
    public static GraphModel load(GraphContext context, GraphModelFile file) {
        requireNonNull(context, "context is null");
        try {
            context.graph().importGraphDef(file.graphDef());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(
                    file.file()
                            + ": TensorFlow cannot import the graph: "
                            + firstLine(e.getMessage()),
                    e);
        }
        List<TensorSpec> outs = new ArrayList<>();
        for (TensorSpec o : file.outputs()) outs.add(withGraphShape(context, o, file));
        return new GraphModel(context, file, List.copyOf(outs));
    }

    /** The inputs to feed, with their shapes ({@code -1} where free). */
    public List<TensorSpec> inputs() {
        return file.inputs();
    }

    /** The outputs, with their shapes as the file or the graph states them. */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /** The file this model was read from, with its GraphDef and metadata. */
    public GraphModelFile file() {
        return file;
    }

    /** Runs the graph and returns every output by name. */
    public Map<String, NdArray> run(Map<String, NdArray> feeds) {
        return run(feeds, outputs.stream().map(TensorSpec::name).toList());
    }

    /**
     * Runs the graph on {@code feeds} (every input by name) and returns the requested tensors
     * (outputs or any intermediate tensor, {@code node} or {@code node:1}) by name.
     *
     * @throws DataFormatException naming an input that is missing or has the wrong shape
     */
    public Map<String, NdArray> run(Map<String, NdArray> feeds, List<String> fetches) {
        List<Tensor> opened = new ArrayList<>();
        try {
            Session.Runner runner = context.session().runner();
            for (TensorSpec in : file.inputs()) {
                NdArray x = feeds.get(in.name());
                checkInput(in, x);
                Tensor t = x.toTensor();
                opened.add(t);
                runner.feed(in.name(), t);
            }
            fetches.forEach(runner::fetch);
            Map<String, NdArray> out = new LinkedHashMap<>();
            try (Result r = runner.run()) {
                for (int i = 0; i < fetches.size(); i++) {
                    out.put(fetches.get(i), NdArray.fromTensor(r.get(i)));
                }
            }
            return out;
        } finally {
            opened.forEach(Tensor::close);
        }
    }

    private void checkInput(TensorSpec in, NdArray x) {
        if (x == null) {
            throw new DataFormatException(
                    file.file()
                            + ": no value for input '"
                            + in.name()
                            + "' (shape "
                            + Arrays.toString(in.shape())
                            + ")");
        }
        long[] got = x.shape();
        boolean fits = got.length == in.shape().length;
        for (int i = 0; fits && i < got.length; i++) {
            fits = in.shape()[i] < 0 || in.shape()[i] == got[i];
        }
        if (!fits && in.shape().length > 0) {
            throw new DataFormatException(
                    file.file()
                            + ": input '"
                            + in.name()
                            + "' needs shape "
                            + Arrays.toString(in.shape())
                            + ", got "
                            + Arrays.toString(got));
        }
    }

    private static TensorSpec withGraphShape(GraphContext g, TensorSpec o, GraphModelFile file) {
        if (o.shape().length > 0) return o;
        String[] parts = o.name().split(":");
        GraphOperation op = g.graph().operation(parts[0]);
        if (op == null) {
            throw new DataFormatException(
                    file.file() + ": output '" + o.name() + "' is not a node of the graph");
        }
        int index = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        var out = op.output(index);
        long[] shape = out.shape().isUnknown() ? new long[0] : out.shape().asArray();
        return new TensorSpec(o.name(), out.dataType().name(), shape);
    }

    private static String firstLine(String m) {
        if (m == null) return "(no message)";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
