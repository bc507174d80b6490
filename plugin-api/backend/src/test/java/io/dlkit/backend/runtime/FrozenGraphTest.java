package io.dlkit.backend.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@link FrozenGraph}: the copy with constant weights gives the same outputs as the graph it was
 * copied from (to float rounding), and reads its weights from constants.
 */
class FrozenGraphTest {
    @Test
    void should_give_the_same_outputs_as_the_graph_with_variables() {
        Sequential net =
                Sequential.fromConfig(
                        Map.of(
                                "input_shape",
                                List.of(8, 8, 1),
                                "layers",
                                List.of(
                                        Map.of(
                                                "type",
                                                "conv2d",
                                                "filters",
                                                4,
                                                "kernel_size",
                                                3,
                                                "activation",
                                                "relu",
                                                "batch_norm",
                                                true),
                                        Map.of("type", "max_pool"),
                                        Map.of("type", "flatten"),
                                        Map.of(
                                                "type",
                                                "dense",
                                                "units",
                                                3,
                                                "activation",
                                                "softmax"))));
        float[] data = new float[2 * 64];
        Random random = new Random(5);
        for (int i = 0; i < data.length; i++) data[i] = random.nextFloat();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 9);
                Tensor x = TFloat32.tensorOf(Shape.of(2, 8, 8, 1), DataBuffers.of(data))) {
            var in = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 1)));
            var out = net.forward(g, in, g.tf().constant(false)).output();
            g.session().initialize();
            float[] expected = run(g.session(), in, x, out);
            try (FrozenGraph copy = FrozenGraph.of(g)) {
                float[] got = run(copy.session(), copy.find(in), x, copy.find(out));
                // constant folding may round differently: float tolerance
                assertThat(got).containsExactly(expected, within(1e-6f));
                assertThat(copy.graph().operation("dense_1_kernel_read").type()).isEqualTo("Const");
                assertThat(copy.find(out).index()).isEqualTo(out.asOutput().index());
            }
            // the copy of what in and out need only: same outputs, no variables left
            try (FrozenGraph copy = FrozenGraph.of(g, List.of(in, out))) {
                float[] got = run(copy.session(), copy.find(in), x, copy.find(out));
                assertThat(got).containsExactly(expected, within(1e-6f));
                assertThat(copy.graph().operation("conv2d_1_kernel")).isNull();
                assertThat(copy.graph().operation("dense_1_kernel_read").type()).isEqualTo("Const");
            }
        }
    }

    @Test
    void should_read_the_switch_from_the_system_property() {
        String before = System.getProperty("dlkit.frozenWeights");
        try {
            System.clearProperty("dlkit.frozenWeights");
            assertThat(FrozenGraph.enabled()).isTrue();
            System.setProperty("dlkit.frozenWeights", "false");
            assertThat(FrozenGraph.enabled()).isFalse();
        } finally {
            if (before == null) System.clearProperty("dlkit.frozenWeights");
            else System.setProperty("dlkit.frozenWeights", before);
        }
    }

    private static float[] run(Session s, Operand<?> in, Tensor x, Operand<?> out) {
        try (Result r = s.runner().feed(in, x).fetch(out).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }
}
