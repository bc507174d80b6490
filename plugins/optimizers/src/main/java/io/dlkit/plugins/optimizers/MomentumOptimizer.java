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
 * Gradient descent with momentum, {@code momentum}: the step follows an exponentially weighted
 * average of the gradients (the "velocity" {@code v}, zeros at the start), which damps the
 * oscillations of mini-batch descent. For each variable {@code W} with gradient {@code dW}:
 *
 * <pre>
 * v := beta * v + (1 - beta) * dW
 * W := W - alpha * v
 * </pre>
 *
 * <p>This is the averaged form; TensorFlow's {@code ApplyMomentum} accumulates {@code v := beta * v
 * + dW} instead, so its steps are {@code 1 / (1 - beta)} times larger. {@code beta = 0} is plain
 * gradient descent. The velocity is the non-trainable variable {@code <W>_momentum}.
 *
 * @param beta the averaging decay, in [0, 1); 0.9 by default
 */
public record MomentumOptimizer(double beta) implements Optimizer {
    /** The name users give: {@code momentum}. */
    public static final String NAME = "momentum";

    /** The default {@code beta}: about the last 10 gradients are averaged. */
    public static final double DEFAULT_BETA = 0.9;

    /**
     * @throws IllegalArgumentException if {@code beta} is not in [0, 1)
     */
    public MomentumOptimizer {
        Hyperparameters.unitInterval(NAME, "beta", beta);
    }

    /** Momentum with the default {@code beta} of 0.9. */
    public MomentumOptimizer() {
        this(DEFAULT_BETA);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("beta", beta);
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
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            WeightVariable<TFloat32> w = variables.get(i);
            WeightVariable<TFloat32> v = UpdateOps.zeroSlot(graph, w, "momentum");
            // The new velocity is computed from the old one before either assignment runs
            // (data dependency), and the weight step uses the new velocity, as in the notes.
            Operand<TFloat32> vNew = UpdateOps.average(tf, v.read(), gradients.get(i), beta);
            updates.add(tf.assign(v.variable(), vNew));
            updates.add(tf.assignSub(w.variable(), tf.math.mul(learningRate, vNew)));
        }
        return UpdateOps.group(tf, updates);
    }
}
