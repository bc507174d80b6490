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
 * LeNet-5 (LeCun et al., 1998) as the notes draw it, with ReLU where the paper had sigmoid/tanh. On
 * MNIST's {@code 28x28x1} the first conv pads by 2, which gives the paper's {@code 32x32}:
 *
 * <pre>
 * conv1  6@5x5, pad 2, relu   28x28x6       156 params
 * pool1  max 2x2, stride 2    14x14x6
 * conv2  16@5x5, relu         10x10x16    2,416
 * pool2  max 2x2, stride 2     5x5x16
 * flatten                        400
 * fc1    120, relu                       48,120
 * fc2    84, relu                        10,164
 * predictions  10, softmax                  850      total 61,706
 * </pre>
 *
 * <p>Without the top the model ends at {@code pool2}.
 */
final class LeNet5 {
    static final Architecture ARCHITECTURE =
            new Architecture(
                    "lenet5",
                    "LeNet-5 (LeCun et al., 1998) with ReLU: 2 conv + 2 max-pool, 3 dense layers",
                    new long[] {28, 28, 1},
                    10,
                    12,
                    LeNet5::layers);

    private LeNet5() {}

    static List<Map<String, Object>> layers(ArchitectureSpec spec) {
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(conv("conv1", 6, 5, 1, 2, "relu"));
        layers.add(maxPool("pool1", 2, 2, "valid"));
        layers.add(conv("conv2", 16, 5, 1, "valid", "relu"));
        layers.add(maxPool("pool2", 2, 2, "valid"));
        if (spec.includeTop()) {
            layers.add(flatten("flatten"));
            layers.add(dense("fc1", 120, "relu"));
            layers.add(dense("fc2", 84, "relu"));
            layers.add(dense("predictions", spec.classes(), "softmax"));
        }
        return layers;
    }
}
