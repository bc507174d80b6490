package io.dlkit.plugins.cnnzoo;

import static io.dlkit.plugins.cnnzoo.LayerMaps.conv;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dense;
import static io.dlkit.plugins.cnnzoo.LayerMaps.flatten;
import static io.dlkit.plugins.cnnzoo.LayerMaps.maxPool;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * VGG-16 and VGG-19 (Simonyan & Zisserman, 2015), laid out and named as Keras's {@code
 * keras.applications} so Keras weights map by name: five blocks of 3x3 stride-1 {@code same} ReLU
 * convolutions ({@code block1_conv1} ...) with 64, 128, 256, 512, 512 filters, each block closed by
 * a 2x2 stride-2 max pool ({@code block1_pool} ...) that halves height and width, then {@code
 * flatten}, {@code fc1} and {@code fc2} (4096, ReLU) and {@code predictions} (softmax).
 *
 * <p>At 224x224x3 with 1000 classes: VGG-16 138,357,544 parameters (14,714,688 without the top),
 * VGG-19 143,667,240 (20,024,384 without). Without the top the model ends at {@code block5_pool}.
 */
final class Vgg {
    private static final int[] FILTERS = {64, 128, 256, 512, 512};

    static final Architecture VGG16 =
            new Architecture(
                    "vgg16",
                    "VGG-16 (Simonyan & Zisserman, 2015): 13 3x3 convs in 5 blocks, 3 dense layers",
                    new long[] {224, 224, 3},
                    1000,
                    32,
                    spec -> layers(spec, 2, 2, 3, 3, 3));

    static final Architecture VGG19 =
            new Architecture(
                    "vgg19",
                    "VGG-19 (Simonyan & Zisserman, 2015): 16 3x3 convs in 5 blocks, 3 dense layers",
                    new long[] {224, 224, 3},
                    1000,
                    32,
                    spec -> layers(spec, 2, 2, 4, 4, 4));

    private Vgg() {}

    /** The layers with {@code convs[b]} convolutions in block {@code b + 1}. */
    static List<Map<String, Object>> layers(ArchitectureSpec spec, int... convs) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (int b = 0; b < convs.length; b++) {
            String block = "block" + (b + 1);
            for (int c = 1; c <= convs[b]; c++) {
                layers.add(conv(block + "_conv" + c, FILTERS[b], 3, 1, "same", "relu"));
            }
            layers.add(maxPool(block + "_pool", 2, 2, "valid"));
        }
        if (spec.includeTop()) {
            layers.add(flatten("flatten"));
            layers.add(dense("fc1", 4096, "relu"));
            layers.add(dense("fc2", 4096, "relu"));
            layers.add(dense("predictions", spec.classes(), "softmax"));
        }
        return layers;
    }
}
