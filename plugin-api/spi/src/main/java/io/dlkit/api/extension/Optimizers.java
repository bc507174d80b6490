package io.dlkit.api.extension;

import io.dlkit.backend.train.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * The optimizers every started plugin contributes ({@link OptimizerProvider}), by name: for a
 * plugin that optimises something other than a model's weights with the same update rules as {@code
 * dlkit train}: neural style transfer runs Adam on an image variable; {@code dlkit detect train} and
 * {@code dlkit face train} run the core {@code Trainer} with them. Inject it into an extension.
 */
public interface Optimizers {
    /** The known names, sorted ({@code adam}, {@code momentum}, ...). */
    List<String> names();

    /**
     * Creates optimizer {@code name} from hyperparameters (snake_case keys; absent keys take
     * defaults).
     *
     * @throws io.dlkit.api.DlkitException (exit 2) for an unknown name, listing the known ones, or
     *     a bad hyperparameter
     */
    Optimizer create(String name, Map<String, Object> config);
}
