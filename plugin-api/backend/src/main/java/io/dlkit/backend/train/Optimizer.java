package io.dlkit.backend.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * An update rule: given each trainable variable and its gradient, adds the ops that change the
 * variable (and the optimizer's own state, such as Adam's moments) to the graph. The learning rate
 * is a fed scalar, so schedules change it without rebuilding the graph. Implementations are
 * contributed by plugins through {@code io.dlkit.api.extension.OptimizerProvider}.
 */
public interface Optimizer {
    /** The name it is found by ({@code adam}). */
    String name();

    /** The hyperparameters, snake_case keys, enough to recreate it ({@code beta1: 0.9}). */
    Map<String, Object> config();

    /**
     * Adds the update ops, once, while the graph is built.
     *
     * @param graph the graph context; create state variables with {@link GraphContext#variable} as
     *     non-trainable, named {@code <variable>_<slot>} so checkpoints include them
     * @param variables the trainable variables
     * @param gradients the gradient of the loss for each variable, in the same order
     * @param learningRate a scalar fed each step
     * @return one op that applies all updates when run
     */
    Op applyGradients(
            GraphContext graph,
            List<WeightVariable<TFloat32>> variables,
            List<Operand<TFloat32>> gradients,
            Operand<TFloat32> learningRate);
}
