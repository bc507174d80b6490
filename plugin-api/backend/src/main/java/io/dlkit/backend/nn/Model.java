package io.dlkit.backend.nn;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * A network: layers with an explicit list of trainable variables. {@link #forward} builds the graph
 * once; training, evaluation and prediction then only feed and run it.
 */
public interface Model {
    /** The input shape without the batch dimension ({@code [784]}, {@code [28, 28, 1]}). */
    long[] inputShape();

    /** The layers in order. */
    List<Layer> layers();

    /** The model file's content (architecture and hyperparameters), round-tripping through YAML. */
    Map<String, Object> config();

    /**
     * Builds every layer and adds the forward pass to the graph; call once per graph.
     *
     * @param input a float tensor of shape {@code [batch, inputShape...]}
     * @param training a scalar bool: dropout and batch-norm batch statistics when true
     */
    Forward forward(GraphContext graph, Operand<TFloat32> input, Operand<TBool> training);

    /**
     * Adds another forward pass through the already built layers (same variables) for {@code
     * input}: a second tower of a step that splits its batch across cores.
     *
     * @throws UnsupportedOperationException for a model that cannot
     * @throws IllegalStateException before {@link #forward}
     */
    default Forward forwardAgain(
            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " cannot add a second forward pass");
    }

    /** The trainable variables, in a fixed order (valid after {@link #forward}). */
    List<WeightVariable<TFloat32>> trainableVariables();

    /** All variables including non-trainable state (valid after {@link #forward}). */
    List<WeightVariable<TFloat32>> variables();

    /** Weights under the L2 penalty: kernels only (valid after {@link #forward}). */
    List<WeightVariable<TFloat32>> regularizedWeights();

    /** Ops to run with each training step, such as batch-norm moving averages. */
    List<Op> trainingUpdates();

    /**
     * Each layer's output shape without the batch dimension, in the order of {@link #layers()}
     * (valid after {@link #forward}); {@link ModelSummary} reads it.
     *
     * @throws UnsupportedOperationException for a model that does not report them
     */
    default List<long[]> layerOutputShapes() {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " does not report layer output shapes");
    }

    /**
     * The forward pass's two ends.
     *
     * @param logits the last layer's pre-activation output (losses are computed from it, which is
     *     numerically stable)
     * @param output the last layer's activated output (probabilities for sigmoid/softmax)
     * @param outputActivation the last layer's activation name ({@code softmax}, {@code sigmoid},
     *     {@code linear}, ...)
     */
    record Forward(Operand<TFloat32> logits, Operand<TFloat32> output, String outputActivation) {}
}
