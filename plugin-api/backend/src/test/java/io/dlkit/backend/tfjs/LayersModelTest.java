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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * nsfwjs's layers models (Keras topology and base64 weights in .min.js bundles) against TF.js 4.22
 * on the same inputs (tests/fixtures/tfjs/layers-reference.cjs): the output layer and two
 * intermediate layers match to 1e-3.
 */
class LayersModelTest {
    private static final Path FIXTURE = Path.of("../../tests/fixtures/tfjs/layers-models.json");

    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"inception_v3", "mobilenet_v2"})
    void should_match_tfjs_on_the_output_and_intermediate_layers(String model) throws Exception {
        // given
        Path bundle = SharedTestData.require("nsfwjs/" + model + "/model.min.js");
        SharedTestData.present(FIXTURE);
        List<?> results =
                (List<?>)
                        ((Map<?, ?>) JsLiteral.parse(Files.readString(FIXTURE), FIXTURE.toString()))
                                .get("results");
        long start = System.nanoTime();
        GraphModelFile file = LayersModelFile.read(bundle);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 0, 1)) {
            GraphModel m = GraphModel.load(g, file);
            System.out.printf(
                    "%s: read + import %.0f ms, %d params%n",
                    model, (System.nanoTime() - start) / 1e6, file.parameters());
            assertThat(m.outputs()).extracting(TensorSpec::name).containsExactly("dense_3");
            assertThat(m.outputs().get(0).shape()).containsExactly(-1, 5);
            int checked = 0;
            for (Object o : results) {
                Map<?, ?> ref = (Map<?, ?>) o;
                if (!ref.get("model").equals(model)) continue;
                Map<?, ?> outs = (Map<?, ?>) ref.get("outputs");

                // when
                NdArray x =
                        TfjsReferenceTest.input(
                                bundle.getParent()
                                        .resolve("../../../images")
                                        .resolve((String) ref.get("image")),
                                ref);
                List<String> fetches = new ArrayList<>();
                outs.keySet().forEach(k -> fetches.add((String) k));
                Map<String, NdArray> out = m.run(Map.of(m.inputs().get(0).name(), x), fetches);

                // then
                for (String layer : fetches) {
                    checked +=
                            TfjsReferenceTest.check(
                                    ref.get("image") + " " + layer,
                                    out.get(layer),
                                    (Map<?, ?>) outs.get(layer));
                }
            }
            assertThat(checked).isGreaterThan(500);
        }
    }

    @Test
    void should_name_an_unsupported_layer_and_its_type() throws Exception {
        // given
        Path json = dir.resolve("model.json");
        Files.write(dir.resolve("w.bin"), new byte[0]);
        Files.writeString(
                json,
                """
                {"modelTopology": {"model_config": {"class_name": "Sequential", "config": {
                  "name": "s", "layers": [
                    {"class_name": "LSTM", "config": {"name": "lstm_1", "units": 4,
                     "batch_input_shape": [null, 3, 2]}}]}}},
                 "weightsManifest": [{"paths": ["w.bin"], "weights": []}]}
                """);

        // then
        assertThatThrownBy(() -> LayersModelFile.read(json))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(
                        json
                                + ": layer 'lstm_1' is a LSTM, which dlkit's Keras"
                                + " importer does not support (supported: "
                                + KerasLayerMap.SUPPORTED
                                + ")");
    }

    @Test
    void should_list_the_layer_names_for_intermediate_fetches() {
        Path bundle = SharedTestData.require("nsfwjs/mobilenet_v2/model.min.js");

        List<String> names = LayersModelFile.layerNames(bundle);

        assertThat(names)
                .hasSize(162)
                .startsWith("input_1", "Conv1_pad", "Conv1")
                .endsWith("dense_3");
    }
}
