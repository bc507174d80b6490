package io.dlkit.cli.nn;

import io.dlkit.api.model.ModelStore.GraphModel;
import io.dlkit.backend.data.ChannelNormalization;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Feature access to a trained model: intermediate activations, weights by name, and the model
 * rebuilt in a caller's graph with its trained weights.
 */
final class ModelFeatures {
    private ModelFeatures() {}

    /** The outputs of {@code layers} for {@code rows} raw samples. */
    static Map<String, NdArray> activations(
            TrainedModel m, float[] features, int rows, List<String> layers) {
        long[] in = m.model.inputShape();
        long[] shape = new long[in.length + 1];
        shape[0] = rows;
        System.arraycopy(in, 0, shape, 1, in.length);
        Session.Runner r = m.graph.session().runner();
        List<Operand<TFloat32>> outs = new ArrayList<>();
        for (String name : layers) outs.add(m.model.layerOutput(name));
        try (TFloat32 x = Tensors.floats(m.normalize(features), shape)) {
            r.feed(m.training.x, x);
            outs.forEach(r::fetch);
            Map<String, NdArray> result = new LinkedHashMap<>();
            try (Result res = r.run()) {
                for (int i = 0; i < layers.size(); i++)
                    result.put(layers.get(i), NdArray.fromTensor(res.get(i)));
            }
            return result;
        }
    }

    /** The trained value of every variable of the model, by name. */
    static Map<String, NdArray> weights(TrainedModel m) {
        List<WeightVariable<TFloat32>> vars = m.model.variables();
        Map<String, NdArray> out = new LinkedHashMap<>();
        if (vars.isEmpty()) return out;
        Session.Runner r = m.graph.session().runner();
        vars.forEach(v -> r.fetch(v.read()));
        try (Result res = r.run()) {
            for (int i = 0; i < vars.size(); i++)
                out.put(vars.get(i).name(), NdArray.fromTensor(res.get(i)));
        }
        return out;
    }

    /** The layer names in order. */
    static List<String> layerNames(Model model) {
        return model.layers().stream().map(Layer::name).toList();
    }

    /**
     * Builds {@code config}'s model in {@code graph} on {@code input} (normalized in the graph with
     * {@code n} when given) and assigns it {@code weights}.
     */
    static GraphModel inGraph(
            GraphContext graph,
            Operand<TFloat32> input,
            Map<String, Object> config,
            ChannelNormalization n,
            Map<String, NdArray> weights,
            String source) {
        Ops tf = graph.tf();
        Sequential model = ModelBuild.model(config, source);
        Operand<TFloat32> x = input;
        if (n != null) {
            x = tf.math.div(tf.math.sub(x, tf.constant(n.mean())), tf.constant(n.std()));
        }
        Model.Forward f = model.forward(graph, x, tf.constant(false));
        List<Op> assigns = new ArrayList<>();
        for (WeightVariable<TFloat32> v : model.variables()) {
            NdArray w = weights.get(v.name());
            long[] shape = v.variable().shape().asArray();
            if (w == null || !Arrays.equals(w.shape(), shape)) {
                throw new IllegalStateException(
                        source
                                + ": the checkpoint has no "
                                + v.name()
                                + " of shape "
                                + Arrays.toString(shape));
            }
            assigns.add(
                    tf.assign(
                            v.variable(),
                            tf.constant(Shape.of(shape), DataBuffers.of(w.floats(), true, false))));
        }
        Session.Runner r = graph.session().runner();
        assigns.forEach(r::addTarget);
        if (!assigns.isEmpty()) r.run();
        Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
        for (Layer l : model.layers()) outputs.put(l.name(), model.layerOutput(l.name()));
        return new GraphModel(f.output(), outputs, model.variables());
    }
}
