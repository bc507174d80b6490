package io.dlkit.plugins.cnnzoo;

import static io.dlkit.plugins.cnnzoo.LayerMaps.conv;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dense;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dropout;
import static io.dlkit.plugins.cnnzoo.LayerMaps.globalAvgPool;
import static io.dlkit.plugins.cnnzoo.LayerMaps.inception;
import static io.dlkit.plugins.cnnzoo.LayerMaps.maxPool;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inception v1, GoogLeNet (Szegedy et al., 2014), table 1 of the paper, with the layer names of the
 * reference Caffe model ({@code inception_3a}, {@code pool3_3x3_s2}, ...):
 *
 * <pre>
 * conv1_7x7_s2 64@7x7/2 -> pool1_3x3_s2 -> conv2_3x3_reduce 64@1x1 -> conv2_3x3 192@3x3
 * -> pool2_3x3_s2 -> inception_3a, 3b -> pool3_3x3_s2 -> inception_4a..4e -> pool4_3x3_s2
 * -> inception_5a, 5b -> avg_pool (global) -> dropout (keep 0.6) -> predictions (softmax)
 * </pre>
 *
 * <p>Every pooling is 3x3 stride 2 {@code same}, so 224x224 shrinks to 7x7 at {@code inception_5b}
 * (1024 channels). Left out: the two local response normalisations (dlkit has no such layer; batch
 * norm superseded them) and the two auxiliary classifiers (a {@code Sequential} has one output).
 * 6,998,552 parameters at 224x224x3 with 1000 classes, 5,973,552 without the top, which ends at
 * {@code inception_5b}.
 */
final class InceptionV1 {
    /** An inception block of the paper's table 1: its id and {@code [F1, R3, F3, R5, F5, FP]}. */
    private record Block(String id, int... filters) {}

    private static final List<Block> BLOCKS =
            List.of(
                    new Block("3a", 64, 96, 128, 16, 32, 32),
                    new Block("3b", 128, 128, 192, 32, 96, 64),
                    new Block("4a", 192, 96, 208, 16, 48, 64),
                    new Block("4b", 160, 112, 224, 24, 64, 64),
                    new Block("4c", 128, 128, 256, 24, 64, 64),
                    new Block("4d", 112, 144, 288, 32, 64, 64),
                    new Block("4e", 256, 160, 320, 32, 128, 128),
                    new Block("5a", 256, 160, 320, 32, 128, 128),
                    new Block("5b", 384, 192, 384, 48, 128, 128));

    static final Architecture ARCHITECTURE =
            new Architecture(
                    "inception_v1",
                    "Inception v1 / GoogLeNet (Szegedy et al., 2014): 9 inception blocks,"
                            + " no auxiliary classifiers",
                    new long[] {224, 224, 3},
                    1000,
                    32,
                    InceptionV1::layers);

    private InceptionV1() {}

    static List<Map<String, Object>> layers(ArchitectureSpec spec) {
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(conv("conv1_7x7_s2", 64, 7, 2, "same", "relu"));
        layers.add(maxPool("pool1_3x3_s2", 3, 2, "same"));
        layers.add(conv("conv2_3x3_reduce", 64, 1, 1, "valid", "relu"));
        layers.add(conv("conv2_3x3", 192, 3, 1, "same", "relu"));
        layers.add(maxPool("pool2_3x3_s2", 3, 2, "same"));
        for (Block block : BLOCKS) {
            // stages 4 and 5 start after a max pool named after the stage before: pool3, pool4
            int stage = block.id().charAt(0) - '0';
            if (block.id().endsWith("a") && stage > 3) {
                layers.add(maxPool("pool" + (stage - 1) + "_3x3_s2", 3, 2, "same"));
            }
            layers.add(inception("inception_" + block.id(), block.filters()));
        }
        if (spec.includeTop()) {
            layers.add(globalAvgPool("avg_pool"));
            layers.add(dropout("dropout", 0.6));
            layers.add(dense("predictions", spec.classes(), "softmax"));
        }
        return layers;
    }
}
