package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** Layer types from outside the backend: registered, read from model files, built, reported. */
class OpenLayerRegistryTest {
    private static final LayerType SCALE =
            new LayerType("test_scale", "y = a x, a trainable", ScaleLayer::fromConfig);

    @AfterEach
    void forget() {
        Layers.unregister("test_scale");
        Layers.useContributed(List.of());
    }

    @Test
    void should_read_a_registered_layer_type_from_a_model_file_and_round_trip_it() {
        // given
        Layers.register(SCALE);
        Map<String, Object> file =
                Map.of(
                        "input_shape",
                        List.of(3),
                        "layers",
                        List.of(Map.of("type", "test_scale", "init", 2.0)));
        // when
        Sequential model = Sequential.fromConfig(file);
        // then
        assertThat(model.layers().get(0)).isInstanceOf(ScaleLayer.class);
        assertThat(model.layers().get(0).name()).isEqualTo("test_scale_1");
        assertThat(Sequential.fromConfig(model.config())).isEqualTo(model);
        assertThat(Layers.types()).contains("test_scale", "dense");
    }

    @Test
    void should_report_an_unknown_key_of_a_plugin_layer_with_did_you_mean() {
        Layers.useContributed(List.of(new Layers.Contributed("scale-plugin", SCALE)));
        assertThatThrownBy(
                        () ->
                                Layers.fromConfig(
                                        Map.of("type", "test_scale", "inti", 2.0), "layers[0]"))
                .hasMessage(
                        "layers[0].inti: unknown key for a test_scale layer (did you mean init?);"
                                + " valid keys: type, name, init");
    }

    @Test
    void should_name_the_plugin_of_a_layer_type_that_is_not_loaded() {
        Layers.hint("test_lstm", "rnn");
        assertThatThrownBy(() -> Layers.fromConfig(Map.of("type", "test_lstm"), "layers[2]"))
                .hasMessage(
                        "layers[2].type: layer type 'test_lstm' comes from the plugin 'rnn', which"
                                + " is not loaded; install or fix it (see dlkit plugins)");
    }

    @Test
    void should_refuse_a_plugin_layer_type_that_takes_a_built_in_name() {
        LayerType dense = new LayerType("dense", "impostor", ScaleLayer::fromConfig);
        assertThatThrownBy(() -> Layers.useContributed(List.of(new Layers.Contributed("x", dense))))
                .hasMessage("plugin 'x': layer type 'dense' is built in");
        assertThat(Layers.fromConfig(Map.of("type", "dense", "units", 2)))
                .isInstanceOf(DenseLayer.class);
    }

    @Test
    void should_build_a_plugin_layer_and_count_its_variables_and_flops() {
        Layers.register(SCALE);
        Sequential model =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape",
                                List.of(4),
                                "layers",
                                List.of(
                                        Map.of("type", "test_scale", "init", 3.0),
                                        Map.of("type", "dense", "units", 2))));
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            var x = g.tf().placeholder(TFloat32.class);
            model.forward(g, x, g.tf().constant(false));
            // then: the scale's one weight, then dense's 4x2 kernel and 2 biases
            assertThat(model.trainableVariables()).hasSize(3);
            assertThat(model.trainableVariables().get(0).name()).isEqualTo("test_scale_1_a");
            assertThat(model.regularizedWeights()).hasSize(2);
            assertThat(model.layers().get(0).flops()).isEqualTo(4);
        }
    }

    /** {@code y = a x} with one trainable scalar {@code a}. */
    static final class ScaleLayer extends AbstractLayer {
        private final double init;
        private io.dlkit.backend.runtime.WeightVariable<TFloat32> a;
        private long size;

        ScaleLayer(String name, double init) {
            super(name);
            this.init = init;
        }

        static ScaleLayer fromConfig(ConfigReader r) {
            r.checkKeys("a test_scale layer", List.of("type", "name", "init"));
            return new ScaleLayer(
                    r.optName(),
                    r.optDouble(
                            "init",
                            1.0,
                            ConfigReader.Range.open(
                                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
        }

        @Override
        public String type() {
            return "test_scale";
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> m = baseConfig();
            m.put("init", init);
            return m;
        }

        @Override
        protected long[] doBuild(GraphContext graph, long[] inputShape) {
            a = addVariable(graph, "a", graph.tf().constant((float) init), true);
            size = java.util.Arrays.stream(inputShape).reduce(1, (p, d) -> p * d);
            return inputShape;
        }

        @Override
        public Operand<TFloat32> call(
                GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
            return graph.tf().math.mul(input, a.read());
        }

        @Override
        public List<io.dlkit.backend.runtime.WeightVariable<TFloat32>> regularizedWeights() {
            return List.of(a);
        }

        @Override
        public long flops() {
            return size;
        }
    }
}
