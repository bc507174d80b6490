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
        StyleSettings settings) {}
