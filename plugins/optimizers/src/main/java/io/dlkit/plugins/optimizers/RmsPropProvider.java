package io.dlkit.plugins.optimizers;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Contributes {@code rmsprop} ({@link RmsPropOptimizer}). */
@Extension
public class RmsPropProvider implements OptimizerProvider {
    /** Created by the host. */
    public RmsPropProvider() {}

    @Override
    public String name() {
        return RmsPropOptimizer.NAME;
    }

    @Override
    public String description() {
        return "RMSprop: S = beta*S + (1-beta)*dW^2; W -= lr * dW / (sqrt(S) + eps)"
                + " (beta 0.999, epsilon 1e-8)";
    }

    /** Keys: {@code beta} (default 0.999), {@code epsilon} (default 1e-8). */
    @Override
    public Optimizer create(Map<String, Object> config) {
        Hyperparameters h =
                Hyperparameters.read(RmsPropOptimizer.NAME, config, List.of("beta", "epsilon"));
        return new RmsPropOptimizer(
                h.number("beta", RmsPropOptimizer.DEFAULT_BETA),
                h.number("epsilon", RmsPropOptimizer.DEFAULT_EPSILON));
    }
}
