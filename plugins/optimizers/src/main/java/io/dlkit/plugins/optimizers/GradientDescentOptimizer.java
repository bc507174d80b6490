package io.dlkit.plugins.optimizers;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Plain (mini-batch) gradient descent, {@code gd}: for each variable {@code W} with gradient {@code
 * dW} and the fed learning rate {@code alpha},
 *
 * <pre>W := W - alpha * dW</pre>
 *
 * <p>No hyperparameters and no state.
 */
public record GradientDescentOptimizer() implements Optimizer {
    /** The name users give: {@code gd}. */
    public static final String NAME = "gd";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        return Map.of();
    }

    @Override
    public Op applyGradients(
            GraphContext graph,
            List<WeightVariable<TFloat32>> variables,
            List<Operand<TFloat32>> gradients,
            Operand<TFloat32> learningRate) {
        UpdateOps.check(NAME, graph, variables, gradients, learningRate);
        Ops tf = graph.tf();
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            updates.add(
                    tf.assignSub(
                            variables.get(i).variable(),
                            tf.math.mul(learningRate, gradients.get(i))));
        }
        return UpdateOps.group(tf, updates);
    }
}
