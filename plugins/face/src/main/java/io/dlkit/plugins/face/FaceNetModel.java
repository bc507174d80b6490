package io.dlkit.plugins.face;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Sum;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A FaceNet-style encoder: a functional network with one image input and one output, whose output
 * is L2-normalised, {@code f(x) = g(x) / max(||g(x)||, 1e-6)}, so that every face lies on the unit
 * sphere and squared distances lie in [0, 4] (what the triplet margin 0.2 is measured against).
 * Usable wherever the backend takes a {@link Model} (the core {@code TrainingGraph} and {@code
 * Trainer}).
 */
public final class FaceNetModel implements Model {
    private final FunctionalModel net;
    private final String input;
    private final String output;

    /** The encoder around {@code net}, which must have exactly one input and one output. */
    public FaceNetModel(FunctionalModel net) {
        this.net = requireNonNull(net, "net is null");
        if (net.inputShapes().size() != 1 || net.outputNames().size() != 1) {
            throw new IllegalArgumentException(
                    "an encoder has one input and one output, got inputs "
                            + net.inputShapes().keySet()
                            + " and outputs "
                            + net.outputNames());
        }
        this.input = net.inputShapes().keySet().iterator().next();
        this.output = net.outputNames().get(0);
    }

    /** NN4-small2 at {@code width} (see {@link Nn4Small2}). */
    public static FaceNetModel nn4Small2(double width, double momentum) {
        return new FaceNetModel(Nn4Small2.model(width, momentum));
    }

    @Override
    public long[] inputShape() {
        return net.inputShapes().get(input);
    }

    @Override
    public List<Layer> layers() {
        return net.layers();
    }

    @Override
    public Map<String, Object> config() {
        return net.config();
    }

    @Override
    public Forward forward(GraphContext graph, Operand<TFloat32> x, Operand<TBool> training) {
        Ops tf = graph.tf();
        Operand<TFloat32> g = net.forward(graph, Map.of(input, x), training).get(output).output();
        Operand<TFloat32> norm =
                tf.math.sqrt(
                        tf.math.maximum(
                                tf.sum(tf.math.square(g), tf.constant(1), Sum.keepDims(true)),
                                tf.constant(1e-12f)));
        Operand<TFloat32> f = tf.withName("embedding_l2").math.div(g, norm);
        return new Forward(f, f, "linear");
    }

    @Override
    public List<WeightVariable<TFloat32>> trainableVariables() {
        return net.trainableVariables();
    }

    @Override
    public List<WeightVariable<TFloat32>> variables() {
        return net.variables();
    }

    @Override
    public List<WeightVariable<TFloat32>> regularizedWeights() {
        return net.regularizedWeights();
    }

    @Override
    public List<Op> trainingUpdates() {
        return net.trainingUpdates();
    }
}
