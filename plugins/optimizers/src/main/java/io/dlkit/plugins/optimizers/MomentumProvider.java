package io.dlkit.plugins.optimizers;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/** Contributes {@code momentum}, gradient descent with momentum ({@link MomentumOptimizer}). */
@Extension
public class MomentumProvider implements OptimizerProvider {
    /** Created by the host. */
    public MomentumProvider() {}

    @Override
    public String name() {
        return MomentumOptimizer.NAME;
    }

    @Override
    public String description() {
        return "momentum: v = beta*v + (1-beta)*dW; W -= lr * v (beta 0.9)";
    }

    /** Keys: {@code beta} (default 0.9). */
    @Override
    public Optimizer create(Map<String, Object> config) {
        Hyperparameters h = Hyperparameters.read(MomentumOptimizer.NAME, config, List.of("beta"));
        return new MomentumOptimizer(h.number("beta", MomentumOptimizer.DEFAULT_BETA));
    }
}
