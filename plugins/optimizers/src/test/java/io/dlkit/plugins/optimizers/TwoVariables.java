package io.dlkit.plugins.optimizers;

import io.dlkit.backend.train.Optimizer;
import io.dlkit.testkit.OptimizerHarness;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hand-computed problem the optimizer tests share: a vector {@code w = [1, -2]} and a scalar
 * {@code b = [0.5]} whose gradients the tests feed, at a learning rate of 0.1.
 */
final class TwoVariables {
    static final float LR = 0.1f;
    static final float W0 = 1f;
    static final float W1 = -2f;
    static final float B = 0.5f;

    private TwoVariables() {}

    static OptimizerHarness harness(Optimizer optimizer) {
        Map<String, float[]> initial = new LinkedHashMap<>();
        initial.put("w", new float[] {W0, W1});
        initial.put("b", new float[] {B});
        return OptimizerHarness.withFedGradients(optimizer, initial);
    }
}
