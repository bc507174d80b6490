package io.dlkit.testkit;

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
 * Optimizers for a plugin's training tests. The real ones live in the optimizers plugin, which
 * another plugin cannot compile against; these are the update rules in as few ops as possible.
 */
public final class TestOptimizers {
    private TestOptimizers() {}

    /**
     * Plain gradient descent, {@code W := W - alpha dW}, without state; named {@code test_gd}, with
     * an empty config.
     */
    public static Optimizer gradientDescent() {
        return new GradientDescent();
    }

    private record GradientDescent() implements Optimizer {
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
}
