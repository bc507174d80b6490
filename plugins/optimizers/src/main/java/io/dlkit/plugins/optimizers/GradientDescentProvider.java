package io.dlkit.plugins.optimizers;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Contributes {@code gd}, plain gradient descent ({@link GradientDescentOptimizer}). */
@Extension
public class GradientDescentProvider implements OptimizerProvider {
    /** Created by the host. */
    public GradientDescentProvider() {}

    @Override
    public String name() {
        return GradientDescentOptimizer.NAME;
    }

    @Override
    public String description() {
        return "gradient descent: W -= lr * dW";
    }

    /** Takes no keys. */
    @Override
    public Optimizer create(Map<String, Object> config) {
        Hyperparameters.read(GradientDescentOptimizer.NAME, config, List.of());
        return new GradientDescentOptimizer();
    }
}
