package io.dlkit.backend.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Update rules for the trainer's tests. The real optimizers live in a plugin the backend cannot
 * depend on; these follow the notes' "Optimization Algorithms" in as few ops as possible.
 */
final class TestOptimizers {
    private TestOptimizers() {}

    /** Plain gradient descent, {@code W := W - alpha dW}, without state. */
    record GradientDescent() implements Optimizer {
        @Override
        public String name() {
            return "test_gd";
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
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                updates.add(
                        tf.assignSub(
                                variables.get(i).variable(),
                                tf.math.mul(learningRate, gradients.get(i))));
            }
            return tf.withControlDependencies(updates).noOp();
        }
    }

    /**
     * Momentum, {@code v := beta v + (1 - beta) dW; W := W - alpha v}, with {@code v} in the
     * non-trainable variable {@code <W>_velocity}, so a checkpoint must carry it for an exact
     * resume.
     */
    record Momentum(double beta) implements Optimizer {
        @Override
        public String name() {
            return "test_momentum";
        }

        @Override
        public Map<String, Object> config() {
            return Map.of("beta", beta);
        }

        @Override
        public Op applyGradients(
                GraphContext graph,
                List<WeightVariable<TFloat32>> variables,
                List<Operand<TFloat32>> gradients,
                Operand<TFloat32> learningRate) {
            Ops tf = graph.tf();
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                WeightVariable<TFloat32> w = variables.get(i);
                // zeros of the static shape: an initializer must not read another variable
                Operand<TFloat32> zeros =
                        tf.zeros(tf.constant(w.variable().shape().asArray()), TFloat32.class);
                WeightVariable<TFloat32> v = graph.variable(w.name() + "_velocity", zeros, false);
                Operand<TFloat32> next =
                        tf.math.add(
                                tf.math.mul(tf.constant((float) beta), v.read()),
                                tf.math.mul(tf.constant((float) (1 - beta)), gradients.get(i)));
                updates.add(tf.assign(v.variable(), next));
                updates.add(tf.assignSub(w.variable(), tf.math.mul(learningRate, next)));
            }
            return tf.withControlDependencies(updates).noOp();
        }
    }
}
