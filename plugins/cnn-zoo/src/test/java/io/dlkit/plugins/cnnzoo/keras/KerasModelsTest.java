package io.dlkit.plugins.cnnzoo.keras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.ArchitectureProvider.ArchitectureSpec;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import io.dlkit.plugins.cnnzoo.keras.KerasLayer.Kind;
import io.dlkit.plugins.cnnzoo.keras.KerasModels.Unit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The zoo's VGG-16 and ResNet-50 as the Keras models {@code keras.applications} builds: names, and
 * the class paths of Keras 3 files. ResNet-50 has 53 {@code Conv2D} and 53 {@code
 * BatchNormalization} layers (a stem, 16 blocks of 3, 4 projections) and lists each convolutional
 * block as {@code ..._2_relu, _0_conv, _3_conv, _0_bn, _3_bn, _add} ({@code model.summary()} order:
 * by depth from the output, the {@code Add}'s shortcut input first). The zoo's blocks normalise
 * with Keras's epsilon ({@code bn_epsilon: 1.001e-5}), so nothing is shifted.
 */
class KerasModelsTest {
    private final ZooArchitectures zoo = new ZooArchitectures();

    @Test
    void should_number_resnet50_layers_per_class_in_keras_model_order() {
        // when
        List<Unit> units = units("resnet50", true);
        // then
        assertThat(units.get(0).weights())
                .isEqualTo(new KerasLayer("conv1_conv", Kind.CONV2D, "conv2d"));
        assertThat(units.get(1).norm())
                .isEqualTo(
                        new KerasLayer(
                                "conv1_bn", Kind.BATCH_NORMALIZATION, "batch_normalization"));
        assertThat(units.subList(2, 6))
                .containsExactly(
                        block("conv2_block1_out_conv1", "conv2_block1_1", 1),
                        block("conv2_block1_out_conv2", "conv2_block1_2", 2),
                        block("conv2_block1_out_shortcut", "conv2_block1_0", 3),
                        block("conv2_block1_out_conv3", "conv2_block1_3", 4));
        assertThat(units.get(units.size() - 2))
                .isEqualTo(block("conv5_block3_out_conv3", "conv5_block3_3", 52));
        assertThat(units.get(units.size() - 1).weights())
                .isEqualTo(new KerasLayer("predictions", Kind.DENSE, "dense"));
        assertThat(layers(units).filter(l -> l.kind() == Kind.CONV2D)).hasSize(53);
        assertThat(layers(units).filter(l -> l.kind() == Kind.BATCH_NORMALIZATION)).hasSize(53);
    }

    @Test
    void should_name_vgg16_layers_as_keras_does() {
        List<Unit> units = units("vgg16", true);
        assertThat(units)
                .extracting(u -> u.weights().name() + "=" + u.weights().classPath())
                .containsExactly(
                        "block1_conv1=conv2d",
                        "block1_conv2=conv2d_1",
                        "block2_conv1=conv2d_2",
                        "block2_conv2=conv2d_3",
                        "block3_conv1=conv2d_4",
                        "block3_conv2=conv2d_5",
                        "block3_conv3=conv2d_6",
                        "block4_conv1=conv2d_7",
                        "block4_conv2=conv2d_8",
                        "block4_conv3=conv2d_9",
                        "block5_conv1=conv2d_10",
                        "block5_conv2=conv2d_11",
                        "block5_conv3=conv2d_12",
                        "fc1=dense",
                        "fc2=dense_1",
                        "predictions=dense_2");
        assertThat(units).allMatch(u -> u.norm() == null && u.prefix().equals(u.weights().name()));
    }

    @Test
    void should_refuse_a_layer_with_weights_that_keras_has_no_layout_for() {
        Map<String, Object> config =
                Map.of(
                        "input_shape", List.of(8, 8, 4),
                        "layers",
                                List.of(
                                        Map.of(
                                                "type", "inception_block",
                                                "name", "mixed",
                                                "filters_1x1", 2,
                                                "filters_3x3_reduce", 2,
                                                "filters_3x3", 2,
                                                "filters_5x5_reduce", 2,
                                                "filters_5x5", 2,
                                                "filters_pool_proj", 2)));
        assertThatThrownBy(() -> KerasWeights.plan(config))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "inception_block layer 'mixed' has weights but no Keras counterpart;"
                                + " import-keras maps conv2d, dense, batch_norm and residual_block"
                                + " layers");
    }

    private List<Unit> units(String arch, boolean top) {
        ArchitectureSpec spec = new ArchitectureSpec(new long[] {32, 32, 3}, 1000, top);
        return KerasWeights.plan(zoo.config(arch, spec)).units();
    }

    private static Unit block(String prefix, String keras, int n) {
        return new Unit(
                prefix,
                new KerasLayer(keras + "_conv", Kind.CONV2D, "conv2d_" + n),
                new KerasLayer(keras + "_bn", Kind.BATCH_NORMALIZATION, "batch_normalization_" + n),
                1.001e-5,
                1.001e-5);
    }

    private static Stream<KerasLayer> layers(List<Unit> units) {
        return units.stream()
                .flatMap(u -> Stream.of(u.weights(), u.norm()))
                .filter(Objects::nonNull);
    }
}
