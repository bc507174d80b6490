package io.dlkit.plugins.nst;

import java.util.List;

/**
 * The hyperparameters of one run.
 *
 * @param contentWeight alpha in {@code J = alpha J_content + beta J_style}
 * @param styleWeight beta
 * @param tvWeight the total-variation weight (0: off)
 * @param contentLayer null for the network's default
 * @param styleLayers empty for the network's default; each weighted equally (lambda = 1/L)
 * @param init {@code noise}, {@code content} or {@code random}
 */
record StyleSettings(
        int iterations,
        float contentWeight,
        float styleWeight,
        float tvWeight,
        String contentLayer,
        List<String> styleLayers,
        String init,
        float lr,
        long seed) {

    static StyleSettings defaults() {
        return new StyleSettings(200, 10f, 200f, 0f, null, List.of(), "noise", 5f, 42);
    }

    StyleSettings withIterations(int n) {
        return new StyleSettings(
                n, contentWeight, styleWeight, tvWeight, contentLayer, styleLayers, init, lr, seed);
    }
}
