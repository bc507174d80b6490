package io.dlkit.plugins.optimizers;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * RMSprop, {@code rmsprop}: divides each component's step by the root of an exponentially weighted
 * average of its squared gradients {@code S} (zeros at the start), so directions with large,
 * oscillating gradients take smaller steps. For each variable {@code W} with gradient {@code dW}:
 *
 * <pre>
 * S := beta * S + (1 - beta) * dW^2
 * W := W - alpha * dW / (sqrt(S) + epsilon)
 * </pre>
 *
 * <p>There is no bias correction, so with {@code beta = 0.999} the first steps are large (the first
 * is {@code alpha / sqrt(1 - beta)}, about {@code 31.6 * alpha}, per component); use a small
 * learning rate. {@code S} is the non-trainable variable {@code <W>_rms}.
 *
 * @param beta the averaging decay, in [0, 1); 0.999 by default
 * @param epsilon added to the denominator to avoid dividing by zero, > 0; 1e-8 by default
 */
public record RmsPropOptimizer(double beta, double epsilon) implements Optimizer {
    /** The name users give: {@code rmsprop}. */
    public static final String NAME = "rmsprop";

    /** The default {@code beta}. */
    public static final double DEFAULT_BETA = 0.999;

    /** The default {@code epsilon}. */
    public static final double DEFAULT_EPSILON = 1e-8;

    /**
     * @throws IllegalArgumentException if {@code beta} is not in [0, 1) or {@code epsilon} is not
     *     positive
     */
    public RmsPropOptimizer {
        Hyperparameters.unitInterval(NAME, "beta", beta);
        Hyperparameters.positive(NAME, "epsilon", epsilon);
    }

    /** RMSprop with the defaults: {@code beta} 0.999, {@code epsilon} 1e-8. */
    public RmsPropOptimizer() {
        this(DEFAULT_BETA, DEFAULT_EPSILON);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("beta", beta);
        config.put("epsilon", epsilon);
        return config;
    }

    @Override
    public Op applyGradients(
            GraphContext graph,
            List<WeightVariable<TFloat32>> variables,
            List<Operand<TFloat32>> gradients,
            Operand<TFloat32> learningRate) {
        UpdateOps.check(NAME, graph, variables, gradients, learningRate);
        Ops tf = graph.tf();
        Operand<TFloat32> eps = tf.constant((float) epsilon);
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            WeightVariable<TFloat32> w = variables.get(i);
            Operand<TFloat32> g = gradients.get(i);
            WeightVariable<TFloat32> s = UpdateOps.zeroSlot(graph, w, "rms");
            Operand<TFloat32> sNew = UpdateOps.average(tf, s.read(), tf.math.square(g), beta);
            Operand<TFloat32> step =
                    tf.math.div(tf.math.mul(learningRate, g), tf.math.add(tf.math.sqrt(sNew), eps));
            updates.add(tf.assign(s.variable(), sNew));
            updates.add(tf.assignSub(w.variable(), step));
        }
        return UpdateOps.group(tf, updates);
    }
}
