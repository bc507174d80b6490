package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.KerasModel;
import io.dlkit.backend.tfjs.NamedTensors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** A Keras loss network is built on the scaled pixels up to its deepest layer, head dropped. */
class StoreNetworksTest {
    @Test
    void should_drop_the_head_and_run_the_layers_on_the_scaled_pixels() {
        // given: input_1 -> a (1x1 conv summing the channels, relu) -> b (relu6) -> head (pool)
        Map<String, Object> topology =
                Map.of(
                        "class_name",
                        "Model",
                        "config",
                        Map.of(
                                "layers",
                                List.of(
                                        layer(
                                                "InputLayer",
                                                "input_1",
                                                Map.of("batch_input_shape", nulls(4, 4)),
                                                List.of()),
                                        layer(
                                                "Conv2D",
                                                "a",
                                                Map.of(
                                                        "filters",
                                                        1,
                                                        "kernel_size",
                                                        List.of(1, 1),
                                                        "activation",
                                                        "relu",
                                                        "use_bias",
                                                        false),
                                                List.of("input_1")),
                                        layer("ReLU", "b", Map.of("max_value", 6), List.of("a")),
                                        layer(
                                                "GlobalAveragePooling2D",
                                                "head",
                                                Map.of(),
                                                List.of("b"))),
                                "output_layers",
                                List.of(List.of("head", 0, 0))));
        NamedTensors weights =
                new NamedTensors(
                        Map.of("a/kernel", NdArray.of(new float[] {1, 1, 1}, 1, 1, 3, 1)), "t");
        KerasModel model = KerasModel.of(topology, weights, "tiny");
        StoreNetworks.Known known = new StoreNetworks.Known("tiny", "b", "b", List.of("a", "b"));

        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // when
            LossNetwork net = StoreNetworks.build(model, known, g, 2f, 1, 2);

            // then: a = relu(2 * sum of channels) = [8, 12], b = min(a, 6) = [6, 6]
            assertThat(net.layers()).containsOnlyKeys("a", "b");
            try (TFloat32 x =
                            TFloat32.tensorOf(
                                    Shape.of(1, 1, 2, 3),
                                    DataBuffers.of(new float[] {2, -4, 6, 8, 0, -2}, true, false));
                    var r =
                            g.session()
                                    .runner()
                                    .feed(net.pixels(), x)
                                    .fetch(net.layer("a"))
                                    .fetch(net.layer("b"))
                                    .run()) {
                assertThat(NdArray.fromTensor(r.get(0)).floats()).containsExactly(8f, 12f);
                assertThat(NdArray.fromTensor(r.get(1)).floats()).containsExactly(6f, 6f);
            }
        }
    }

    private static List<Object> nulls(int h, int w) {
        List<Object> s = new java.util.ArrayList<>();
        s.add(null);
        s.addAll(List.of(h, w, 3));
        return s;
    }

    private static Map<String, Object> layer(
            String type, String name, Map<String, Object> config, List<String> inputs) {
        Map<String, Object> c = new java.util.LinkedHashMap<>(config);
        c.put("name", name);
        List<Object> inbound =
                inputs.isEmpty()
                        ? List.of()
                        : List.of(
                                inputs.stream()
                                        .map(i -> (Object) List.of(i, 0, 0, Map.of()))
                                        .toList());
        return Map.of("class_name", type, "config", c, "inbound_nodes", inbound);
    }
}
