package com.example.dlkit.stats;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.pf4j.Extension;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An optimizer contributed by a third-party plugin: sign-SGD, which steps each weight by the
 * learning rate against the sign of its gradient, ignoring the gradient's size:
 *
 * <pre>W := W - alpha * sign(dW)</pre>
 *
 * <p>Once the plugin is installed, {@code dlkit train --optimizer sign_sgd} and a pipeline's {@code
 * optimizer: sign_sgd} find it by name through {@link Provider}. The learning rate is the fed
 * scalar {@code alpha}, so every dlkit learning-rate schedule works with it. An optimizer with
 * state would create it with {@link GraphContext#variable} as non-trainable variables named {@code
 * <variable>_<slot>}, so checkpoints include it. To check it the way dlkit checks its own, add
 * {@code io.dlkit:dlkit-testkit} in test scope and write {@code class SignSgdTest implements
 * OptimizerContract { public OptimizerProvider provider() { return new SignSgdOptimizer.Provider();
 * } }}.
 */
public record SignSgdOptimizer() implements Optimizer {
    /** The name users give. */
    public static final String NAME = "sign_sgd";

    @Override
    public String name() {
        return NAME;
    }

    /** No hyperparameters besides the fed learning rate. */
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
        if (variables.size() != gradients.size()) {
            throw new IllegalArgumentException(
                    NAME
                            + ": got "
                            + variables.size()
                            + " variables but "
                            + gradients.size()
                            + " gradients");
        }
        Ops tf = graph.tf();
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Operand<TFloat32> step = tf.math.mul(learningRate, tf.math.sign(gradients.get(i)));
            updates.add(tf.assignSub(variables.get(i).variable(), step));
        }
        // One op that runs every update.
        return tf.withControlDependencies(updates).noOp();
    }

    /**
     * The extension dlkit discovers (PF4J's annotation processor lists it in {@code
     * META-INF/extensions.idx} at compile time) and creates with its public no-arg constructor.
     */
    @Extension
    public static class Provider implements OptimizerProvider {
        /** Created by dlkit. */
        public Provider() {}

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "sign-SGD: W -= lr * sign(dW) (example plugin)";
        }

        /** Takes no keys; an unknown one is an error that names it. */
        @Override
        public Optimizer create(Map<String, Object> config) {
            if (!config.isEmpty()) {
                String key = new TreeSet<>(config.keySet()).first();
                throw new IllegalArgumentException(
                        NAME + ": unknown key '" + key + "'; " + NAME + " takes no keys");
            }
            return new SignSgdOptimizer();
        }
    }
}
