package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class SequentialTest {
    /** The model file of the brief, as YAML would read it. */
    static Map<String, Object> mnistConfig() {
        return Map.of(
                "input_shape", List.of(784),
                "layers",
                        List.of(
                                Map.of("type", "dense", "units", 512, "activation", "relu"),
                                Map.of("type", "dropout", "keep_prob", 0.8),
                                Map.of(
                                        "type",
                                        "dense",
                                        "units",
                                        10,
                                        "activation",
                                        "softmax",
                                        "batch_norm",
                                        false)));
    }

    private record Built(Placeholder<TFloat32> x, Model.Forward f) {}

    private static Built forward(GraphContext g, Model model) {
        Ops tf = g.tf();
        Placeholder<TFloat32> x =
                tf.placeholder(
                        TFloat32.class,
                        Placeholder.shape(Shape.of(model.inputShape()).prepend(-1)));
        return new Built(x, model.forward(g, x, tf.constant(false)));
    }

    @Test
    void should_read_a_model_file_and_name_the_layers() {
        // when
        Sequential model = Sequential.fromConfig(mnistConfig());
        // then
        assertThat(model.layers())
                .extracting(Layer::name)
                .containsExactly("dense_1", "dropout_1", "dense_2");
        assertThat(model.inputShape()).containsExactly(784);
        assertThat(((DenseLayer) model.layers().get(0)).initializer()).isSameAs(Initializers.HE);
        assertThat(((DenseLayer) model.layers().get(2)).initializer())
                .isSameAs(Initializers.XAVIER);
    }

    @Test
    void should_round_trip_its_config_and_equal_the_builder_model() {
        // given
        Sequential fromFile = Sequential.fromConfig(mnistConfig());
        Sequential built =
                Sequential.builder()
                        .input(784)
                        .add(new DenseLayer(512, "relu"))
                        .add(new DropoutLayer(0.8))
                        .add(new DenseLayer(10, "softmax"))
                        .build();
        // then
        assertThat(Sequential.fromConfig(fromFile.config())).isEqualTo(fromFile);
        assertThat(built).isEqualTo(fromFile);
        assertThat(built.config().get("input_shape")).isEqualTo(List.of(784));
    }

    @Test
    void should_skip_names_already_taken() {
        // when
        Sequential model =
                Sequential.builder()
                        .input(4)
                        .add(new DenseLayer(3, "relu"))
                        .add(DenseLayer.builder().setUnits(3).optName("dense_1").build())
                        .add(new DenseLayer(2, "sigmoid"))
                        .build();
        // then
        assertThat(model.layers())
                .extracting(Layer::name)
                .containsExactly("dense_2", "dense_1", "dense_3");
    }

    @Test
    void should_build_the_graph_and_expose_logits_and_output() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 42)) {
            // given
            Sequential model = Sequential.fromConfig(mnistConfig());
            // when
            Built built = forward(g, model);
            Model.Forward f = built.f();
            // then
            assertThat(f.outputActivation()).isEqualTo("softmax");
            assertThat(f.logits().shape().asArray()).containsExactly(-1, 10);
            assertThat(model.trainableVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly(
                            "dense_1_kernel", "dense_1_bias", "dense_2_kernel", "dense_2_bias");
            assertThat(model.regularizedWeights())
                    .extracting(WeightVariable::name)
                    .containsExactly("dense_1_kernel", "dense_2_kernel");
            assertThat(model.trainingUpdates()).hasSize(1); // the dropout mask counter
            assertThat(model.layerOutputShapes())
                    .satisfiesExactly(
                            s -> assertThat(s).containsExactly(512),
                            s -> assertThat(s).containsExactly(512),
                            s -> assertThat(s).containsExactly(10));
            try (TFloat32 in = Tensors.floats(new float[2 * 784], 2, 784);
                    Result r = g.session().runner().feed(built.x(), in).fetch(f.output()).run()) {
                // zero input: logits = bias = 0, so softmax is uniform
                assertThat(Tensors.toFloats(r.get(0))).containsOnly(0.1f);
            }
            assertThatThrownBy(() -> forward(g, model))
                    .hasMessage(
                            "model already built; use Sequential.fromConfig(model.config()) for another graph");
        }
    }

    @Test
    void should_summarise_parameters_shapes_and_flops() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 42)) {
            // given
            Sequential model =
                    Sequential.builder()
                            .input(784)
                            .add(
                                    DenseLayer.builder()
                                            .setUnits(512)
                                            .optActivation("relu")
                                            .optBatchNorm(true)
                                            .build())
                            .add(new DropoutLayer(0.8))
                            .add(new DenseLayer(10, "softmax"))
                            .build();
            forward(g, model);
            // when
            ModelSummary summary = ModelSummary.of(model);
            // then: kernel 784*512 + gamma, beta 2*512 trainable; moving mean, variance 2*512
            assertThat(summary.rows())
                    .extracting(ModelSummary.Row::trainableParams)
                    .containsExactly(784L * 512 + 1024, 0L, 5130L);
            assertThat(summary.rows())
                    .extracting(ModelSummary.Row::nonTrainableParams)
                    .containsExactly(1024L, 0L, 0L);
            // 2*784*512 for A W, 4*512 for batch norm; 2*512*10 + 10
            assertThat(summary.flopsPerSample())
                    .isEqualTo(2L * 784 * 512 + 4 * 512 + 2 * 512 * 10 + 10);
            assertThat(summary.totalParams()).isEqualTo(784L * 512 + 2048 + 5130);
            assertThat(summary.table())
                    .contains(
                            "dense_1 (dense)",
                            "(None, 512)",
                            "403,456",
                            "804,864",
                            "dropout_1 (dropout)",
                            "Total params: 408,586")
                    .contains(
                            "Trainable params: 407,562",
                            "Non-trainable params: 1,024",
                            "Forward FLOPs per sample: 815,114");
        }
    }

    @Test
    void should_name_the_field_path_of_a_bad_model_file() {
        Map<String, Object> badKeep =
                Map.of(
                        "input_shape",
                        List.of(784),
                        "layers",
                        List.of(
                                Map.of("type", "dense", "units", 8),
                                Map.of("type", "dropout", "keep_prob", 1.5)));
        assertThatThrownBy(() -> Sequential.fromConfig(badKeep))
                .hasMessage("layers[1].keep_prob: must be in (0, 1], got 1.5");
        assertThatThrownBy(
                        () ->
                                Sequential.fromConfig(
                                        Map.of("input_shape", List.of(0), "layers", List.of())))
                .hasMessage("input_shape: must be a non-empty list of integers >= 1, got [0]");
        assertThatThrownBy(
                        () ->
                                Sequential.fromConfig(
                                        Map.of("input_shape", List.of(4), "layers", List.of())))
                .hasMessage("layers: must be a non-empty list of layers, got []");
        assertThatThrownBy(
                        () ->
                                Sequential.fromConfig(
                                        Map.of("input_shape", List.of(4), "layer", List.of())))
                .hasMessage(
                        "layer: unknown key for a model (did you mean layers?); valid keys: input_shape, layers");
        assertThatThrownBy(
                        () ->
                                Sequential.fromConfig(
                                        Map.of(
                                                "input_shape",
                                                List.of(4),
                                                "layers",
                                                List.of("dense"))))
                .hasMessage("layers[0]: must be a map with a type, got 'dense'");
        List<Map<String, Object>> twice =
                List.of(
                        Map.of("type", "dense", "units", 2, "name", "a"),
                        Map.of("type", "dense", "units", 2, "name", "a"));
        assertThatThrownBy(
                        () ->
                                Sequential.fromConfig(
                                        Map.of("input_shape", List.of(4), "layers", twice)))
                .hasMessage("layers[1].name: duplicate layer name 'a'");
    }
}
