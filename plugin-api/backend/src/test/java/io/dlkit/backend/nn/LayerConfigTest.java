package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Layer configs: round trips through Layers.fromConfig and the exact one-line error messages. */
class LayerConfigTest {
    static Stream<Layer> layers() {
        return Stream.of(
                new DenseLayer(512, "relu"),
                DenseLayer.builder()
                        .setUnits(10)
                        .optName("out")
                        .optActivation("softmax")
                        .optInitializer("random_normal_small")
                        .build(),
                DenseLayer.builder()
                        .setUnits(64)
                        .optActivation(Activations.leakyRelu(0.2))
                        .optBatchNorm(true)
                        .build(),
                DenseLayer.builder().setUnits(3).optUseBias(false).build(),
                new DropoutLayer(0.8),
                new DropoutLayer("drop", 1.0),
                new BatchNormLayer(),
                new BatchNormLayer("bn", 0.9, 1e-5),
                new ActivationLayer("act", Activations.TANH));
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
    void should_write_every_hyperparameter_with_keras_names() {
        // when
        Map<String, Object> config =
                DenseLayer.builder()
                        .setUnits(64)
                        .optName("h")
                        .optActivation(Activations.leakyRelu(0.2))
                        .optBatchNorm(true)
                        .build()
                        .config();
        // then
        assertThat(config)
                .containsExactly(
                        Map.entry("type", "dense"),
                        Map.entry("name", "h"),
                        Map.entry("units", 64),
                        Map.entry("activation", Map.of("name", "leaky_relu", "slope", 0.2)),
                        Map.entry("initializer", "he"),
                        Map.entry("use_bias", false),
                        Map.entry("batch_norm", true));
    }

    @Test
    void should_accept_whole_numbers_as_yaml_reads_them() {
        // given: YAML gives keep_prob: 1 as an Integer
        Map<String, Object> config = Map.of("type", "dropout", "keep_prob", 1);
        // then
        assertThat(((DropoutLayer) Layers.fromConfig(config)).keepProb()).isEqualTo(1.0);
    }

    static Stream<Arguments> badConfigs() {
        String validTypes = "valid types: " + String.join(", ", Layers.types());
        String activations = "valid: linear, sigmoid, tanh, relu, relu6, leaky_relu, softmax";
        return Stream.of(
                Arguments.of(
                        Map.of("type", "dropout", "keep_prob", 1.5),
                        "layers[1].keep_prob: must be in (0, 1], got 1.5"),
                Arguments.of(
                        Map.of("type", "dropout", "keep_prob", 0),
                        "layers[1].keep_prob: must be in (0, 1], got 0"),
                Arguments.of(
                        Map.of("type", "dropout"),
                        "layers[1].keep_prob: required for a dropout layer"),
                Arguments.of(
                        Map.of("type", "dropout", "keep_prob", "high"),
                        "layers[1].keep_prob: must be in (0, 1], got 'high'"),
                Arguments.of(
                        Map.of("type", "dense"), "layers[1].units: required for a dense layer"),
                Arguments.of(
                        Map.of("type", "dense", "units", 0),
                        "layers[1].units: must be an integer >= 1, got 0"),
                Arguments.of(
                        Map.of("type", "dense", "units", 2.5),
                        "layers[1].units: must be an integer >= 1, got 2.5"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "activation", "rleu"),
                        "layers[1].activation: unknown activation 'rleu' (did you mean relu?); "
                                + activations),
                Arguments.of(
                        Map.of(
                                "type",
                                "dense",
                                "units",
                                4,
                                "activation",
                                Map.of("name", "leaky_relu", "slope", -1)),
                        "layers[1].activation.slope: must be in [0, 1), got -1"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "initialiser", "he"),
                        "layers[1].initialiser: unknown key for a dense layer (did you mean initializer?); "
                                + "valid keys: type, name, units, activation, initializer, use_bias, batch_norm"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "initializer", "glorot"),
                        "layers[1].initializer: unknown initializer 'glorot'; valid: zeros, random_normal_small, xavier, he"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "batch_norm", true, "use_bias", true),
                        "layers[1].use_bias: must be false when batch_norm is true (batch norm's beta replaces the bias)"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "use_bias", "yes"),
                        "layers[1].use_bias: must be true or false, got 'yes'"),
                Arguments.of(
                        Map.of("type", "dense", "units", 4, "name", "a/b"),
                        "layers[1].name: must be flat (letters, digits, '_', '.', '-'), got 'a/b'"),
                Arguments.of(
                        Map.of("type", "dens", "units", 4),
                        "layers[1].type: unknown layer type 'dens' (did you mean dense?); "
                                + validTypes),
                Arguments.of(Map.of("units", 4), "layers[1].type: required; " + validTypes),
                Arguments.of(
                        Map.of("type", "batch_norm", "momentum", 1),
                        "layers[1].momentum: must be in [0, 1), got 1"),
                Arguments.of(
                        Map.of("type", "batch_norm", "epsilon", 0),
                        "layers[1].epsilon: must be > 0, got 0"),
                Arguments.of(
                        Map.of("type", "activation"),
                        "layers[1].activation: required for an activation layer"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badConfigs")
    void should_reject_a_bad_config_with_a_one_line_message(
            Map<String, Object> config, String message) {
        assertThatThrownBy(() -> Layers.fromConfig(config, "layers[1]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void should_name_the_default_path_layer() {
        Map<String, Object> config = new LinkedHashMap<>(Map.of("type", "dropout", "keep_prob", 2));
        assertThatThrownBy(() -> Layers.fromConfig(config))
                .hasMessage("layer.keep_prob: must be in (0, 1], got 2");
        assertThat(Layers.types())
                .startsWith("activation")
                .contains("batch_norm", "dense", "dropout")
                .isSorted();
    }
}
