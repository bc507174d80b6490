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
 * A layer, with the Keras life cycle: hyperparameters in the constructor or builder, weights
 * created by {@link #build} once the input shape is known, the forward computation added to the
 * graph by {@link #call}, and a {@link #config()} that round-trips through YAML/JSON.
 *
 * <p>Shapes exclude the batch dimension: a Dense layer on 784 features has input shape {@code
 * [784]}.
 */
public interface Layer {
    /** The layer's unique name in its model ({@code dense_1}); prefixes its variables' names. */
    String name();

    /** The type name used in model files ({@code dense}, {@code dropout}, {@code batch_norm}). */
    String type();

    /** The hyperparameters as snake_case keys, including {@code type} and {@code name}. */
    Map<String, Object> config();

    /**
     * Creates the layer's variables in {@code graph} for inputs of {@code inputShape}.
     *
     * @return the output shape (without the batch dimension)
     */
    long[] build(GraphContext graph, long[] inputShape);

    /**
     * Adds the forward computation to the graph; called once, after {@link #build}.
     *
     * @param training a scalar bool fed each run: true while training (dropout on, batch-norm batch
     *     statistics), false at evaluation and prediction
     */
    Operand<TFloat32> call(GraphContext graph, Operand<TFloat32> input, Operand<TBool> training);

    /** The layer's variables: trainable weights and non-trainable state (moving averages). */
    List<WeightVariable<TFloat32>> variables();

    /**
     * Ops to run with every training step besides the gradient update (batch norm's moving-average
     * updates); empty for most layers. Valid after {@link #call}.
     */
    default List<Op> trainingUpdates() {
        return List.of();
    }

    /**
     * Whether the layer carries state from one training batch to the next (a stateful recurrent
     * layer, for truncated back-propagation through time), so batch {@code b + 1} must continue the
     * rows of batch {@code b}: the {@link io.dlkit.backend.train.Trainer} then feeds a data set's
     * batches in their order, unshuffled. False for most layers.
     */
    default boolean needsBatchesInOrder() {
        return false;
    }

    /** The weights the L2 penalty applies to (kernels, not biases or batch-norm parameters). */
    default List<WeightVariable<TFloat32>> regularizedWeights() {
        return List.of();
    }

    /**
     * Floating-point operations of one sample's inference forward pass (a multiply-add counts two),
     * for {@code dlkit summary} and {@code dlkit bench}; valid after {@link #build}. 0 when the
     * layer does not count them.
     */
    default long flops() {
        return 0;
    }
}
