package io.dlkit.plugins.rnn.lm;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** {@code w -= lr g}: the optimizers plugin's gd, which a plugin cannot compile against. */
final class PlainGradientDescent implements Optimizer {
    @Override
    public String name() {
        return "gd";
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
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            ops.add(
                    graph.tf()
                            .assignSub(
                                    variables.get(i).variable(),
                                    graph.tf().math.mul(learningRate, gradients.get(i))));
        }
        return graph.tf().withControlDependencies(ops).noOp();
    }
}
