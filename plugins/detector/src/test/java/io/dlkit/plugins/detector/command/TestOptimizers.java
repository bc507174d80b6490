package io.dlkit.plugins.detector.command;

import io.dlkit.api.extension.Optimizers;
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
 * The optimizers plugin is not a dependency of this one: tests train with this RMSProp, named
 * {@code adam} so commands find their default ({@code v = 0.9 v + 0.1 g^2; w -= lr g / (sqrt(v) +
 * 1e-7)}).
 */
public final class TestOptimizers implements Optimizers {
    @Override
    public List<String> names() {
        return List.of("adam");
    }

    @Override
    public Optimizer create(String name, Map<String, Object> config) {
        return new Optimizer() {
            @Override
            public String name() {
                return "adam";
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
                    WeightVariable<TFloat32> w = variables.get(i);
                    Operand<TFloat32> g = gradients.get(i);
                    WeightVariable<TFloat32> v =
                            graph.variable(
                                    w.name() + "_v",
                                    tf.zeros(
                                            tf.constant(w.variable().shape().asArray()),
                                            TFloat32.class),
                                    false);
                    Operand<TFloat32> vNew =
                            tf.math.add(
                                    tf.math.mul(tf.constant(0.9f), v.read()),
                                    tf.math.mul(tf.constant(0.1f), tf.math.square(g)));
                    Operand<TFloat32> step =
                            tf.math.div(
                                    tf.math.mul(learningRate, g),
                                    tf.math.add(tf.math.sqrt(vNew), tf.constant(1e-7f)));
                    updates.add(tf.assign(v.variable(), vNew));
                    updates.add(tf.assignSub(w.variable(), step));
                }
                return tf.withControlDependencies(updates).noOp();
            }
        };
    }
}
