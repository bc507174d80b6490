package io.dlkit.plugins.nst;

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
 * A test update rule with state, {@code w -= lr * t * g} on step {@code t = 1, 2, ...} (a counter
 * variable {@code count_t}), so a test sees both the step and whether the state was reset.
 */
final class CountingDescent implements Optimizer {
    @Override
    public String name() {
        return "counting_descent";
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
        Ops tf = graph.tf();
        WeightVariable<TFloat32> t = graph.variable("count_t", tf.constant(0f), false);
        Operand<TFloat32> step = tf.assignAdd(t.variable(), tf.constant(1f));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Operand<TFloat32> delta =
                    tf.math.mul(tf.math.mul(learningRate, step), gradients.get(i));
            updates.add(tf.assignSub(variables.get(i).variable(), delta));
        }
        return tf.withControlDependencies(updates).noOp();
    }
}
