package io.dlkit.plugins.cnnzoo;

import static io.dlkit.plugins.cnnzoo.LayerMaps.activation;
import static io.dlkit.plugins.cnnzoo.LayerMaps.batchNorm;
import static io.dlkit.plugins.cnnzoo.LayerMaps.conv;
import static io.dlkit.plugins.cnnzoo.LayerMaps.dense;
import static io.dlkit.plugins.cnnzoo.LayerMaps.globalAvgPool;
import static io.dlkit.plugins.cnnzoo.LayerMaps.maxPool;
import static io.dlkit.plugins.cnnzoo.LayerMaps.residual;
import static io.dlkit.plugins.cnnzoo.LayerMaps.zeroPadding;

import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ResNet-50 (He et al., 2015), stage by stage as the notes describe it and named as Keras's {@code
 * keras.applications.ResNet50}:
 *
 * <pre>
 * conv1_pad (3) -> conv1_conv 64@7x7/2 -> conv1_bn -> conv1_relu -> pool1_pad (1) -> pool1_pool 3x3/2
 * stage 2: conv2_block1 convolutional [64, 64, 256], s = 1; conv2_block2..3 identity
 * stage 3: conv3_block1 convolutional [128, 128, 512], s = 2; conv3_block2..4 identity
 * stage 4: conv4_block1 convolutional [256, 256, 1024], s = 2; conv4_block2..6 identity
 * stage 5: conv5_block1 convolutional [512, 512, 2048], s = 2; conv5_block2..3 identity
 * avg_pool (global) -> predictions (softmax)
 * </pre>
 *
 * <p>Each block is one {@code residual_block} layer named after its output in Keras, {@code
 * conv4_block6_out}, so {@code layerOutput("conv4_block6_out")} is the same tensor as in Keras; its
 * convolutions are {@code conv4_block6_out_conv1..3} (Keras {@code conv4_block6_1_conv} and {@code
 * _1_bn} ...) and the projection {@code conv4_block6_out_shortcut} (Keras {@code _0_conv}). Keras
 * ends with global average pooling where the notes have a 2x2 average pool and flatten; this
 * follows Keras, so the parameter counts agree. Without the top the model ends at {@code
 * conv5_block3_out}.
 *
 * <p>As in Keras, every block convolution has a bias before its batch norm ({@code use_bias: true};
 * redundant mathematically, but it makes Keras weights import exactly): 25,636,712 parameters at
 * 224x224x3 with 1000 classes, 23,587,712 without the top; batch norms use Keras's epsilon
 * 1.001e-5.
 */
final class ResNet50 {
    /** Keras's batch-norm epsilon in ResNet50. */
    static final double BN_EPSILON = 1.001e-5;

    private static final int[][] STAGE_FILTERS = {
        {64, 64, 256}, {128, 128, 512}, {256, 256, 1024}, {512, 512, 2048}
    };
    private static final int[] STAGE_BLOCKS = {3, 4, 6, 3};

    static final Architecture ARCHITECTURE =
            new Architecture(
                    "resnet50",
                    "ResNet-50 (He et al., 2015): 16 bottleneck residual blocks in 4 stages,"
                            + " batch norm",
                    new long[] {224, 224, 3},
                    1000,
                    32,
                    ResNet50::layers);

    private ResNet50() {}

    static List<Map<String, Object>> layers(ArchitectureSpec spec) {
        List<Map<String, Object>> layers = new ArrayList<>();
        layers.add(zeroPadding("conv1_pad", 3));
        layers.add(conv("conv1_conv", 64, 7, 2, "valid", "linear"));
        layers.add(batchNorm("conv1_bn", BN_EPSILON));
        layers.add(activation("conv1_relu", "relu"));
        layers.add(zeroPadding("pool1_pad", 1));
        layers.add(maxPool("pool1_pool", 3, 2, "valid"));
        for (int s = 0; s < STAGE_FILTERS.length; s++) {
            for (int b = 1; b <= STAGE_BLOCKS[s]; b++) {
                String name = "conv" + (s + 2) + "_block" + b + "_out";
                int stride = s == 0 ? 1 : 2;
                layers.add(residual(name, b == 1, stride, STAGE_FILTERS[s]));
            }
        }
        if (spec.includeTop()) {
            layers.add(globalAvgPool("avg_pool"));
            layers.add(dense("predictions", spec.classes(), "softmax"));
        }
        return layers;
    }
}
