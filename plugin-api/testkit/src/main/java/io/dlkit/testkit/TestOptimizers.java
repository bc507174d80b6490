package io.dlkit.testkit;

import static java.util.Objects.requireNonNull;

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

    /**
     * RMSProp, {@code v := 0.9 v + 0.1 dW^2; W := W - alpha dW / (sqrt(v) + 1e-7)}, with {@code v}
     * in the non-trainable variable {@code <W>_v}; named {@code name}, with an empty config, so it
     * can stand in for the optimizer a command asks for by name (its default {@code adam}, say)
     * where plain gradient descent learns too slowly.
     */
    public static Optimizer rmsProp(String name) {
        return new RmsProp(requireNonNull(name, "name is null"));
    }

    /**
     * The {@link Optimizers} extension a command under test gets: it lists {@code optimizer}'s name
     * and answers every name, whatever the hyperparameters, with {@code optimizer}.
     */
    public static Optimizers only(Optimizer optimizer) {
        requireNonNull(optimizer, "optimizer is null");
        return new Optimizers() {
            @Override
            public List<String> names() {
                return List.of(optimizer.name());
            }

            @Override
            public Optimizer create(String name, Map<String, Object> config) {
                return optimizer;
            }
        };
    }

    /** A rule that updates each variable from its own gradient, with an empty config. */
    private interface PerVariable extends Optimizer {
        /** The ops that update {@code w} from its gradient {@code g}. */
        List<Op> update(
                GraphContext graph,
                WeightVariable<TFloat32> w,
                Operand<TFloat32> g,
                Operand<TFloat32> learningRate);

        @Override
        default Map<String, Object> config() {
            return Map.of();
        }

        @Override
        default Op applyGradients(
                GraphContext graph,
                List<WeightVariable<TFloat32>> variables,
                List<Operand<TFloat32>> gradients,
                Operand<TFloat32> learningRate) {
            List<Op> updates = new ArrayList<>();
            for (int i = 0; i < variables.size(); i++) {
                updates.addAll(update(graph, variables.get(i), gradients.get(i), learningRate));
            }
            return graph.tf().withControlDependencies(updates).noOp();
        }
    }

    private record GradientDescent() implements PerVariable {
        @Override
        public String name() {
            return "test_gd";
        }

        @Override
        public List<Op> update(
                GraphContext graph,
                WeightVariable<TFloat32> w,
                Operand<TFloat32> g,
                Operand<TFloat32> learningRate) {
            Ops tf = graph.tf();
            return List.of(tf.assignSub(w.variable(), tf.math.mul(learningRate, g)));
        }
    }

    private record RmsProp(String name) implements PerVariable {
        @Override
        public List<Op> update(
                GraphContext graph,
                WeightVariable<TFloat32> w,
                Operand<TFloat32> g,
                Operand<TFloat32> learningRate) {
            Ops tf = graph.tf();
            // zeros of the static shape: an initializer must not read another variable
            Operand<TFloat32> zeros =
                    tf.zeros(tf.constant(w.variable().shape().asArray()), TFloat32.class);
            WeightVariable<TFloat32> v = graph.variable(w.name() + "_v", zeros, false);
            Operand<TFloat32> vNew =
                    tf.math.add(
                            tf.math.mul(tf.constant(0.9f), v.read()),
                            tf.math.mul(tf.constant(0.1f), tf.math.square(g)));
            Operand<TFloat32> step =
                    tf.math.div(
                            tf.math.mul(learningRate, g),
                            tf.math.add(tf.math.sqrt(vNew), tf.constant(1e-7f)));
            return List.of(tf.assign(v.variable(), vNew), tf.assignSub(w.variable(), step));
        }
    }
}
