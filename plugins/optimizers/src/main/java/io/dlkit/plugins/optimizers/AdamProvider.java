package io.dlkit.plugins.optimizers;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Contributes {@code adam} ({@link AdamOptimizer}). */
@Extension
public class AdamProvider implements OptimizerProvider {
    /** Created by the host. */
    public AdamProvider() {}

    @Override
    public String name() {
        return AdamOptimizer.NAME;
    }

    @Override
    public String description() {
        return "Adam: momentum and RMSprop with bias correction"
                + " (beta1 0.9, beta2 0.999, epsilon 1e-8)";
    }

    /**
     * Keys: {@code beta1} (default 0.9), {@code beta2} (default 0.999), {@code epsilon} (default
     * 1e-8).
     */
    @Override
    public Optimizer create(Map<String, Object> config) {
        Hyperparameters h =
                Hyperparameters.read(
                        AdamOptimizer.NAME, config, List.of("beta1", "beta2", "epsilon"));
        return new AdamOptimizer(
                h.number("beta1", AdamOptimizer.DEFAULT_BETA1),
                h.number("beta2", AdamOptimizer.DEFAULT_BETA2),
                h.number("epsilon", AdamOptimizer.DEFAULT_EPSILON));
    }
}
