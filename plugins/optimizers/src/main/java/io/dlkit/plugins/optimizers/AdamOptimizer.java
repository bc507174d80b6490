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
import org.tensorflow.op.core.Assign;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam, {@code adam}: momentum and RMSprop combined, with bias correction. For each variable {@code
 * W} with gradient {@code dW}, on step {@code t = 1, 2, ...}:
 *
 * <pre>
 * m := beta1 * m + (1 - beta1) * dW          (the notes' v_dW)
 * v := beta2 * v + (1 - beta2) * dW^2        (the notes' s_dW)
 * m_hat = m / (1 - beta1^t)
 * v_hat = v / (1 - beta2^t)
 * W := W - alpha * m_hat / (sqrt(v_hat) + epsilon)
 * </pre>
 *
 * <p>State, all non-trainable so checkpoints keep it and training resumes exactly: {@code <W>_m}
 * and {@code <W>_v} per variable (zeros at the start) and one step counter {@code adam_t} (int64, 0
 * at the start; {@code adam_t_2} for a second Adam in the same graph). The counter is incremented
 * once per run of the returned op, before any variable's bias correction reads it.
 *
 * @param beta1 the decay of the gradient average, in [0, 1); 0.9 by default
 * @param beta2 the decay of the squared-gradient average, in [0, 1); 0.999 by default
 * @param epsilon added to the denominator, > 0; 1e-8 by default
 */
public record AdamOptimizer(double beta1, double beta2, double epsilon) implements Optimizer {
    /** The name users give: {@code adam}. */
    public static final String NAME = "adam";

    /** The default {@code beta1}. */
    public static final double DEFAULT_BETA1 = 0.9;

    /** The default {@code beta2}. */
    public static final double DEFAULT_BETA2 = 0.999;

    /** The default {@code epsilon}. */
    public static final double DEFAULT_EPSILON = 1e-8;

    /**
     * @throws IllegalArgumentException if a beta is not in [0, 1) or {@code epsilon} is not
     *     positive
     */
    public AdamOptimizer {
        Hyperparameters.unitInterval(NAME, "beta1", beta1);
        Hyperparameters.unitInterval(NAME, "beta2", beta2);
        Hyperparameters.positive(NAME, "epsilon", epsilon);
    }

    /** Adam with the defaults: {@code beta1} 0.9, {@code beta2} 0.999, {@code epsilon} 1e-8. */
    public AdamOptimizer() {
        this(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("beta1", beta1);
        config.put("beta2", beta2);
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
        WeightVariable<TInt64> t =
                graph.variable(UpdateOps.uniqueName(graph, "adam_t"), tf.constant(0L), false);
        Assign<TInt64> increment = tf.assign(t.variable(), tf.math.add(t.read(), tf.constant(1L)));
        // Every bias correction below depends on the increment's output, so the counter is
        // incremented once per step and before it is read; all variables see the same t.
        Operand<TFloat32> step =
                tf.withControlDependencies(List.of(increment))
                        .dtypes
                        .cast(tf.identity(increment), TFloat32.class);
        // One fused ApplyAdam per variable (one kernel instead of about twelve small ops). It
        // computes lr_t = lr sqrt(1 - beta2^t) / (1 - beta1^t) and adds its epsilon to sqrt(v):
        // with epsilon sqrt(1 - beta2^t) there, that is exactly the update above, epsilon added
        // to sqrt(v_hat). The powers come from the counter just incremented, not from variables
        // updated alongside (the framework Adam's ordering trap).
        Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1), step);
        Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) beta2), step);
        Operand<TFloat32> epsilonT =
                tf.math.mul(
                        tf.constant((float) epsilon),
                        tf.math.sqrt(tf.math.sub(tf.constant(1f), beta2Power)));
        Operand<TFloat32> b1 = tf.constant((float) beta1);
        Operand<TFloat32> b2 = tf.constant((float) beta2);

        List<Op> updates = new ArrayList<>();
        updates.add(increment);
        for (int i = 0; i < variables.size(); i++) {
            WeightVariable<TFloat32> w = variables.get(i);
            WeightVariable<TFloat32> m = UpdateOps.zeroSlot(graph, w, "m");
            WeightVariable<TFloat32> v = UpdateOps.zeroSlot(graph, w, "v");
            updates.add(
                    tf.train.applyAdam(
                            w.variable(),
                            m.variable(),
                            v.variable(),
                            beta1Power,
                            beta2Power,
                            learningRate,
                            b1,
                            b2,
                            epsilonT,
                            gradients.get(i)));
        }
        return UpdateOps.group(tf, updates);
    }
}
