package io.dlkit.plugins.cnnzoo;

import static io.dlkit.plugins.cnnzoo.LayerMaps.conv;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dense;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dropout;
import static io.dlkit.plugins.cnnzoo.LayerMaps.flatten;
import static io.dlkit.plugins.cnnzoo.LayerMaps.maxPool;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AlexNet (Krizhevsky et al., 2012) on one device, as the notes draw it: ReLU throughout, no local
 * response normalisation, dropout 0.5 after the two hidden dense layers.
 *
 * <pre>
 * 227x227x3 -> conv1 96@11x11/4 -> 55x55x96 -> pool1 3x3/2 -> 27x27x96
 *           -> conv2 256@5x5 same -> pool2 3x3/2 -> 13x13x256
 *           -> conv3 384@3x3 same -> conv4 384@3x3 same -> conv5 256@3x3 same
 *           -> pool5 3x3/2 -> 6x6x256 = 9216 -> fc6 4096 -> fc7 4096 -> predictions 1000
 * </pre>
 *
 * <p>62,378,344 parameters with the top (3,747,200 without); the model without the top ends at
 * {@code pool5}.
 */
final class AlexNet {
    static final Architecture ARCHITECTURE =
            new Architecture(
                    "alexnet",
                    "AlexNet (Krizhevsky et al., 2012): 5 conv + 3 dense layers, ReLU, dropout",
                    new long[] {227, 227, 3},
                    1000,
                    67,
                    AlexNet::layers);

    private AlexNet() {}

    static List<Map<String, Object>> layers(ArchitectureSpec spec) {
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(conv("conv1", 96, 11, 4, "valid", "relu"));
        layers.add(maxPool("pool1", 3, 2, "valid"));
        layers.add(conv("conv2", 256, 5, 1, "same", "relu"));
        layers.add(maxPool("pool2", 3, 2, "valid"));
        layers.add(conv("conv3", 384, 3, 1, "same", "relu"));
        layers.add(conv("conv4", 384, 3, 1, "same", "relu"));
        layers.add(conv("conv5", 256, 3, 1, "same", "relu"));
        layers.add(maxPool("pool5", 3, 2, "valid"));
        if (spec.includeTop()) {
            layers.add(flatten("flatten"));
            layers.add(dense("fc6", 4096, "relu"));
            layers.add(dropout("drop6", 0.5));
            layers.add(dense("fc7", 4096, "relu"));
            layers.add(dropout("drop7", 0.5));
            layers.add(dense("predictions", spec.classes(), "softmax"));
        }
        return layers;
    }
}
