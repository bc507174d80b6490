package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Image layer configs: round trips through Layers.fromConfig and the exact one-line errors. */
class ConvLayerConfigTest {
    static Stream<Layer> layers() {
        return Stream.of(
                new Conv2DLayer(16, 5, "relu"),
                Conv2DLayer.builder()
                        .setFilters(8)
                        .setKernelSize(3, 2)
                        .optStrides(2, 1)
                        .optPadding(1)
                        .optName("c")
                        .optActivation(Activations.leakyRelu(0.2))
                        .optInitializer("xavier")
                        .build(),
                Conv2DLayer.builder()
                        .setFilters(4)
                        .setKernelSize(3)
                        .optPadding("same")
                        .optBatchNorm(true)
                        .build(),
                new MaxPoolLayer(2),
                new MaxPoolLayer("mp", new int[] {3, 2}, new int[] {1, 2}, Padding.SAME),
                new AvgPoolLayer("ap", 3, 1, Padding.SAME),
                new GlobalAvgPoolLayer(),
                new FlattenLayer("flat"),
                new ZeroPaddingLayer(3),
                new ZeroPaddingLayer("zp", 0, 1, 2, 3),
                ResidualBlock.identity(64, 64, 256).optName("res2b").build(),
                ResidualBlock.convolutional(2, 8, 8).optKernelSize(5).build(),
                new InceptionBlock(64, 96, 128, 16, 32, 32),
                new InceptionBlock("inc", new int[] {1, 2, 3, 4, 5, 6}, Activations.TANH, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layers")
    void should_rebuild_an_equal_layer_from_its_config(Layer layer) {
        // when
        Layer copy = Layers.fromConfig(layer.config());
        // then
        assertThat(copy).isEqualTo(layer).isNotSameAs(layer);
        assertThat(copy.config()).isEqualTo(layer.config());
    }

    @Test
    void should_write_a_conv_layer_with_keras_names() {
        // when
        Map<String, Object> config =
                Layers.fromConfig(
                                Map.of(
                                        "type",
                                        "conv2d",
                                        "name",
                                        "conv1",
                                        "filters",
                                        64,
                                        "kernel_size",
                                        List.of(7, 7),
                                        "strides",
                                        2,
                                        "padding",
                                        3,
                                        "activation",
                                        "relu",
                                        "batch_norm",
                                        true))
                        .config();
        // then
        assertThat(config)
                .containsExactly(
                        Map.entry("type", "conv2d"),
                        Map.entry("name", "conv1"),
                        Map.entry("filters", 64),
                        Map.entry("kernel_size", 7),
                        Map.entry("strides", 2),
                        Map.entry("padding", 3),
                        Map.entry("activation", "relu"),
                        Map.entry("initializer", "he"),
                        Map.entry("use_bias", false),
                        Map.entry("batch_norm", true));
    }

    static Stream<Arguments> badConfigs() {
        Map<String, Object> inception =
                Map.of(
                        "type", "inception_block",
                        "filters_1x1", 1,
                        "filters_3x3_reduce", 1,
                        "filters_3x3", 1,
                        "filters_5x5_reduce", 1,
                        "filters_5x5", 1);
        return Stream.of(
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", 3, "strides", 0),
                        "layers[0].strides: must be >= 1, got 0"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", List.of(3, 0)),
                        "layers[0].kernel_size: must be >= 1, got [3, 0]"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", List.of(3, 3, 3)),
                        "layers[0].kernel_size: must be an integer or a list [height, width] of"
                                + " integers, got [3, 3, 3]"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4),
                        "layers[0].kernel_size: required for a conv2d layer"),
                Arguments.of(
                        Map.of("type", "conv2d", "kernel_size", 3),
                        "layers[0].filters: required for a conv2d layer"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", 3, "padding", "full"),
                        "layers[0].padding: must be 'valid', 'same' or an integer >= 0, got 'full'"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", 3, "padding", -1),
                        "layers[0].padding: must be 'valid', 'same' or an integer >= 0, got -1"),
                Arguments.of(
                        Map.of("type", "conv2d", "filters", 4, "kernel_size", 3, "dilation", 2),
                        "layers[0].dilation: unknown key for a conv2d layer; valid keys: type, name,"
                                + " filters, kernel_size, strides, padding, activation, initializer,"
                                + " use_bias, batch_norm, bn_epsilon"),
                Arguments.of(
                        Map.of("type", "max_pool", "pool_size", 2, "padding", 1),
                        "layers[0].padding: must be 'valid' or 'same', got 1"),
                Arguments.of(
                        Map.of("type", "avg_pool", "pool_size", 0),
                        "layers[0].pool_size: must be >= 1, got 0"),
                Arguments.of(
                        Map.of("type", "max_pool", "pool_szie", 2),
                        "layers[0].pool_szie: unknown key for a max_pool layer (did you mean pool_size?);"
                                + " valid keys: type, name, pool_size, strides, padding"),
                Arguments.of(
                        Map.of("type", "zero_padding", "padding", List.of(1, 2)),
                        "layers[0].padding: must be an integer >= 0 or a list [top, bottom, left,"
                                + " right] of them, got [1, 2]"),
                Arguments.of(
                        Map.of("type", "flatten", "units", 3),
                        "layers[0].units: unknown key for a flatten layer; valid keys: type, name"),
                Arguments.of(
                        Map.of("type", "residual_block", "filters", List.of(64)),
                        "layers[0].filters: must be a list of 2 (basic) or 3 (bottleneck) integers"
                                + " >= 1, got [64]"),
                Arguments.of(
                        Map.of("type", "residual_block"),
                        "layers[0].filters: required for a residual_block layer, e.g. [64, 64, 256]"),
                Arguments.of(
                        Map.of("type", "residual_block", "filters", List.of(4, 4), "strides", 2),
                        "layers[0].strides: must be 1 for an identity block (use block:"
                                + " convolutional to downsample), got 2"),
                Arguments.of(
                        Map.of("type", "residual_block", "filters", List.of(4, 4), "block", "id"),
                        "layers[0].block: must be 'identity' or 'convolutional', got 'id'"),
                Arguments.of(
                        inception,
                        "layers[0].filters_pool_proj: required for an inception_block layer"),
                Arguments.of(
                        Map.of("type", "conv2", "filters", 4),
                        "layers[0].type: unknown layer type 'conv2' (did you mean conv2d?); valid"
                                + " types: "
                                + String.join(", ", Layers.types())));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badConfigs")
    void should_reject_a_bad_config_with_a_one_line_message(
            Map<String, Object> config, String message) {
        assertThatThrownBy(() -> Layers.fromConfig(config, "layers[0]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void should_list_the_image_layer_types() {
        assertThat(Layers.types())
                .containsExactly(
                        "activation",
                        "avg_pool",
                        "batch_norm",
                        "conv2d",
                        "dense",
                        "depthwise_conv2d",
                        "dropout",
                        "flatten",
                        "global_avg_pool",
                        "inception_block",
                        "max_pool",
                        "residual_block",
                        "space_to_depth",
                        "up_sampling2d",
                        "zero_padding");
    }

    @Test
    void should_read_a_cnn_model_file() {
        // when
        Sequential model =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape", List.of(32, 32, 3),
                                "layers",
                                        List.of(
                                                Map.of(
                                                        "type",
                                                        "conv2d",
                                                        "filters",
                                                        8,
                                                        "kernel_size",
                                                        3),
                                                Map.of("type", "max_pool"),
                                                Map.of(
                                                        "type",
                                                        "residual_block",
                                                        "filters",
                                                        List.of(8, 8)),
                                                Map.of("type", "global_avg_pool"),
                                                Map.of("type", "dense", "units", 10))));
        // then
        assertThat(model.layers())
                .extracting(Layer::name)
                .containsExactly(
                        "conv2d_1",
                        "max_pool_1",
                        "residual_block_1",
                        "global_avg_pool_1",
                        "dense_1");
        assertThat(Sequential.fromConfig(model.config())).isEqualTo(model);
    }
}
