package io.dlkit.plugins.nst;

import java.nio.file.Path;
import java.util.List;

/**
 * One style transfer run as the user asked for it.
 *
 * @param model a store model name ({@code mobilenet_v2}) or a model directory
 * @param size the longer side of the generated image in pixels
 * @param saveEvery write an intermediate image every N iterations (0: never)
 * @param tile the longest side the loss network sees at once; larger results are made at several
 *     scales, the larger ones refined tile by tile
 */
record StyleRequest(
        Path content,
        List<Path> styles,
        float[] blend,
        Path out,
        int size,
        String model,
        boolean preserveColors,
        int saveEvery,
        int tile,
        StyleSettings settings) {

    /**
     * Checks the numbers a user gives; {@code prefix} is how they are named ({@code "--"} for the
     * command's flags, {@code ""} for a pipeline step's parameters).
     */
    static void check(String prefix, int iterations, int size, String init, float lr, int tile) {
        if (iterations < 1) fail(prefix + "iterations must be at least 1, got " + iterations);
        if (size < 16) fail(prefix + "size must be at least 16, got " + size);
        if (!List.of("noise", "content", "random").contains(init)) {
            fail(prefix + "init must be noise, content or random, got '" + init + "'");
        }
        if (!(lr > 0)) fail(prefix + "lr must be > 0, got " + lr);
        if (tile < 16) fail(prefix + "tile must be at least 16, got " + tile);
    }

    private static void fail(String message) {
        throw io.dlkit.api.DlkitException.invalidInput(message);
    }
}
