package io.dlkit.backend.tfjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.SharedTestData;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Keras topologies as dlkit functional models: mobilenet_v2 built from the backend's layers in a
 * caller's graph matches TF.js on named intermediate layers; small hand-made topologies check the
 * mapping (sequential input, batch norm without scale) and the one-line errors.
 */
class KerasModelTest {
    private static final Path FIXTURE = Path.of("../../tests/fixtures/tfjs/layers-models.json");

    @Test
    void should_build_mobilenet_v2_from_backend_layers_and_match_tfjs_on_named_layers()
            throws Exception {
        // given
        Path bundle = SharedTestData.require("nsfwjs/mobilenet_v2/model.min.js");
        SharedTestData.present(FIXTURE);
        KerasModel k = KerasModel.read(bundle);
        List<?> results =
                (List<?>)
                        ((Map<?, ?>) JsLiteral.parse(Files.readString(FIXTURE), FIXTURE.toString()))
                                .get("results");
        assertThat(k.model().layers())
                .extracting(l -> l.type())
                .contains("depthwise_conv2d", "batch_norm", "zero_padding", "add", "dense");
        assertThat(k.layerNames())
                .contains(
                        "Conv1_relu",
                        "block_1_expand_relu",
                        "block_3_expand_relu",
                        "block_6_expand_relu",
                        "block_13_expand_relu");
        assertThat(k.parameters()).isEqualTo(2_619_461);
        var summary = k.summary();
        assertThat(summary.summary().totalParams()).isEqualTo(2_619_461);
        assertThat(summary.table()).contains("block_1_depthwise (depthwise_conv2d)");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 1)) {
            Placeholder<TFloat32> x = g.tf().placeholder(TFloat32.class);
            KerasModel.Built built = k.build(g, x);
            assertThat(built.layers()).containsKeys("block_6_expand_relu", "out_relu", "dense_3");
            int checked = 0;
            for (Object o : results) {
                Map<?, ?> ref = (Map<?, ?>) o;
                if (!ref.get("model").equals("mobilenet_v2")) continue;
                Map<?, ?> outs = (Map<?, ?>) ref.get("outputs");
                NdArray in =
                        TfjsReferenceTest.input(
                                bundle.getParent()
                                        .resolve("../../../images")
                                        .resolve((String) ref.get("image")),
                                ref);

                // when
                List<String> names = new ArrayList<>();
                outs.keySet().forEach(n -> names.add((String) n));
                Map<String, NdArray> got = new LinkedHashMap<>();
                try (var t = in.toTensor()) {
                    var runner = g.session().runner().feed(x, (TFloat32) t);
                    for (String n : names) runner.fetch(built.layers().get(n));
                    try (Result r = runner.run()) {
                        for (int i = 0; i < names.size(); i++) {
                            got.put(names.get(i), NdArray.fromTensor(r.get(i)));
                        }
                    }
                }

                // then
                for (String n : names) {
                    checked +=
                            TfjsReferenceTest.check(
                                    ref.get("image") + " " + n + " (built)",
                                    got.get(n),
                                    (Map<?, ?>) outs.get(n));
                }
            }
            assertThat(checked).isGreaterThan(400);
        }
    }

    @Test
    void should_read_a_sequential_model_with_a_batch_norm_without_scale() {
        // given: dense(2, relu) -> batch norm (center, no scale); values by hand
        Map<String, Object> topology = denseThenBatchNorm(0.0);
        NamedTensors w = denseThenBatchNormWeights();

        // then: epsilon 0 is refused by dlkit's batch_norm (it must be > 0)
        assertThatThrownBy(() -> KerasModel.of(topology, w, "seq.json"))
                .isInstanceOf(DataFormatException.class)
                .hasMessage("seq.json: layers[1].epsilon: must be > 0, got 0.0");
    }

    @Test
    void should_compute_a_sequential_model_by_hand() {
        // given: x [1, 2, 3] -> dense d: [1+3, 2-3+1] = [4, 0] after relu -> bn: (v - 1)/sqrt(var)
        Map<String, Object> topology = denseThenBatchNorm(1e-9);
        NamedTensors w = denseThenBatchNormWeights();
        KerasModel k = KerasModel.of(topology, w, "seq.json");
        assertThat(k.inputName()).isEqualTo("d_input");
        assertThat(k.outputNames()).containsExactly("bn");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Operand<TFloat32> x = g.tf().constant(new float[][] {{1, 2, 3}});
            // when
            KerasModel.Built b = k.build(g, x);
            try (Result r = g.session().runner().fetch(b.layers().get("bn")).run()) {
                // then: gamma 1 (scale false): (4 - 1) / 2 + 10 = 11.5, (0 - 1) / 1 + 20 = 19
                assertThat(NdArray.fromTensor(r.get(0)).floats())
                        .containsExactly(
                                new float[] {11.5f, 19f},
                                org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void should_name_an_unsupported_activation_and_a_missing_weight() {
        Map<String, Object> relu =
                Map.of("units", 2, "activation", "gelu", "batch_input_shape", shape(3));
        Map<String, Object> topo = sequential(layer("Dense", "d", relu));
        NamedTensors none = new NamedTensors(Map.of(), "t");
        assertThatThrownBy(() -> KerasModel.of(topo, none, "m.json"))
                .hasMessage(
                        "m.json: layer 'd' uses activation 'gelu', which dlkit's Keras importer"
                                + " does not support (supported: linear, relu, relu6, sigmoid,"
                                + " tanh, softmax)");
        Map<String, Object> ok = Map.of("units", 2, "batch_input_shape", shape(3));
        Map<String, Object> topo2 = sequential(layer("Dense", "d", ok));
        assertThatThrownBy(() -> KerasModel.of(topo2, none, "m.json"))
                .hasMessage("m.json: weight 'd/kernel' is missing from the weights manifest");
    }

    /**
     * x [3] -> Dense d (2 units, relu) -> BatchNormalization bn (center, no scale, {@code
     * epsilon}), the weights from {@link #denseThenBatchNormWeights()}.
     */
    private static Map<String, Object> denseThenBatchNorm(double epsilon) {
        Map<String, Object> dense =
                Map.of("units", 2, "activation", "relu", "batch_input_shape", shape(3));
        Map<String, Object> bn = Map.of("epsilon", epsilon, "scale", false, "axis", -1);
        return sequential(layer("Dense", "d", dense), layer("BatchNormalization", "bn", bn));
    }

    /**
     * Kernel [[1, 0], [0, 1], [1, -1]], bias [0, 1]; beta [10, 20], moving mean [1, 1] and moving
     * variance [4, 1].
     */
    private static NamedTensors denseThenBatchNormWeights() {
        Map<String, NdArray> w = new LinkedHashMap<>();
        w.put("d/kernel", NdArray.of(new float[] {1, 0, 0, 1, 1, -1}, 3, 2));
        w.put("d/bias", NdArray.of(new float[] {0, 1}, 2));
        w.put("bn/beta", NdArray.of(new float[] {10, 20}, 2));
        w.put("bn/moving_mean", NdArray.of(new float[] {1, 1}, 2));
        w.put("bn/moving_variance", NdArray.of(new float[] {4, 1}, 2));
        return new NamedTensors(w, "t");
    }

    @SafeVarargs
    private static Map<String, Object> sequential(Map<String, Object>... layers) {
        return Map.of("class_name", "Sequential", "config", List.of(layers));
    }

    private static List<Object> shape(int n) {
        List<Object> s = new ArrayList<>();
        s.add(null);
        s.add(n);
        return s;
    }

    private static Map<String, Object> layer(String type, String name, Map<String, Object> c) {
        Map<String, Object> config = new LinkedHashMap<>(c);
        config.put("name", name);
        return Map.of("class_name", type, "config", config);
    }
}
