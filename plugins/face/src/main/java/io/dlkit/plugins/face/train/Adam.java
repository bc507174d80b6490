package io.dlkit.plugins.face.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Adam with the usual constants (beta1 0.9, beta2 0.999, epsilon 1e-8) for {@code face train}:
 *
 * <pre>
 * m := 0.9 m + 0.1 dW;  v := 0.999 v + 0.001 dW^2;  W := W - lr (m / (1 - 0.9^t)) / (sqrt(v / (1 -
 * 0.999^t)) + 1e-8)
 * </pre>
 *
 * <p>The host gives plugins no handle on the optimizers other plugins contribute, and a plugin
 * never compiles against another, so the face plugin carries this one rule itself (the same update
 * as the optimizers plugin's {@code adam}). State {@code <W>_m}, {@code <W>_v} and {@code
 * face_adam_t} are non-trainable variables, so checkpoints keep them and a resumed run continues
 * exactly.
 */
final class Adam implements Optimizer {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;

    @Override
    public String name() {
        return "adam";
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
    }

    @Override
    public Op applyGradients(
            GraphContext graph,
            List<WeightVariable<TFloat32>> variables,
            List<Operand<TFloat32>> gradients,
            Operand<TFloat32> learningRate) {
        Ops tf = graph.tf();
        WeightVariable<TInt64> t = graph.variable("face_adam_t", tf.constant(0L), false);
        Assign<TInt64> increment = tf.assign(t.variable(), tf.math.add(t.read(), tf.constant(1L)));
        Operand<TFloat32> step =
                tf.withControlDependencies(List.of(increment))
                        .dtypes
                        .cast(tf.identity(increment), TFloat32.class);
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> c1 = tf.math.sub(one, tf.math.pow(tf.constant(BETA1), step));
        Operand<TFloat32> c2 = tf.math.sub(one, tf.math.pow(tf.constant(BETA2), step));
        List<Op> updates = new ArrayList<>(List.of(increment));
        for (int i = 0; i < variables.size(); i++) {
            WeightVariable<TFloat32> w = variables.get(i);
            Operand<TFloat32> g = gradients.get(i);
            WeightVariable<TFloat32> m = slot(graph, w, "m");
            WeightVariable<TFloat32> v = slot(graph, w, "v");
            Operand<TFloat32> mNew = average(tf, m.read(), g, BETA1);
            Operand<TFloat32> vNew = average(tf, v.read(), tf.math.square(g), BETA2);
            Operand<TFloat32> delta =
                    tf.math.div(
                            tf.math.mul(learningRate, tf.math.div(mNew, c1)),
                            tf.math.add(tf.math.sqrt(tf.math.div(vNew, c2)), tf.constant(1e-8f)));
            updates.add(tf.assign(m.variable(), mNew));
            updates.add(tf.assign(v.variable(), vNew));
            updates.add(tf.assignSub(w.variable(), delta));
        }
        return tf.withControlDependencies(updates).noOp();
    }

    private static WeightVariable<TFloat32> slot(
            GraphContext graph, WeightVariable<TFloat32> w, String slot) {
        Ops tf = graph.tf();
        Operand<TFloat32> zeros =
                tf.zeros(tf.constant(w.variable().shape().asArray()), TFloat32.class);
        return graph.variable(w.name() + "_" + slot, zeros, false);
    }

    private static Operand<TFloat32> average(
            Ops tf, Operand<TFloat32> old, Operand<TFloat32> value, float beta) {
        return tf.math.add(
                tf.math.mul(tf.constant(beta), old), tf.math.mul(tf.constant(1 - beta), value));
    }
}
