package io.dlkit.plugins.face;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.NamedTensors;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightErrorsTest {
    @Test
    void should_name_the_first_missing_tensor() {
        NamedTensors none =
                new NamedTensors(Map.of(), "face_recognition_model-weights_manifest.json");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            assertThatThrownBy(() -> FaceRecognitionNet.create(g, none))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(
                            "face_recognition_model-weights_manifest.json: no tensor"
                                    + " 'conv32_down/conv/filters' (expected shape [7, 7, 3, 32]);"
                                    + " is it the right weights file for this network?");
        }
    }

    @Test
    void should_name_a_misshapen_tensor_and_both_shapes() {
        Map<String, NdArray> w = new LinkedHashMap<>();
        w.put("dense0/conv0/filters", NdArray.of(new float[3 * 3 * 3 * 16], 3, 3, 3, 16));
        NamedTensors bad = new NamedTensors(w, "lm.json");
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            assertThatThrownBy(() -> FaceLandmarkNet.create(g, bad))
                    .isInstanceOf(DataFormatException.class)
                    .hasMessage(
                            "lm.json: tensor 'dense0/conv0/filters' has shape [3, 3, 3, 16]"
                                    + " but the network expects [3, 3, 3, 32]");
        }
    }
}
