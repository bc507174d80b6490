package io.dlkit.api.model;

import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * The optimizers every started plugin contributes ({@code
 * io.dlkit.api.extension.OptimizerProvider}), found by name, for plugin commands that train through
 * the core {@code Trainer} ({@code dlkit detect train}). Inject it into an extension.
 */
public interface Optimizers {
    /** The known names, sorted. */
    List<String> names();

    /**
     * Creates optimizer {@code name} from hyperparameters (absent keys take defaults).
     *
     * @throws io.dlkit.api.DlkitException (exit 2) for an unknown name (with "did you mean") or a
     *     bad value
     */
    Optimizer create(String name, Map<String, Object> config);
}
