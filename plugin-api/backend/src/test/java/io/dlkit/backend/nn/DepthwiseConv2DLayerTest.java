package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** depthwise_conv2d by hand: each channel with its own filters, outputs ordered c d + q. */
class DepthwiseConv2DLayerTest {
    @Test
    void should_convolve_each_channel_with_its_own_filters_and_cap_at_six() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given: a 2x2 image with channels A0 = [1 2; 3 4], A1 = [10 20; 30 40], a 2x2 valid
            // window (one output pixel), depth multiplier 2, relu6
            Ops tf = g.tf();
            DepthwiseConv2DLayer layer =
                    (DepthwiseConv2DLayer)
                            Layers.fromConfig(
                                    Map.of(
                                            "type", "depthwise_conv2d",
                                            "name", "dw",
                                            "kernel_size", 2,
                                            "depth_multiplier", 2,
                                            "activation", "relu6"));
            layer.build(g, new long[] {2, 2, 2});
            float[] x = {1, 10, 2, 20, 3, 30, 4, 40};
            Operand<TFloat32> in =
                    tf.constant(Shape.of(1, 2, 2, 2), DataBuffers.of(x, true, false));
            Operand<TFloat32> out = layer.call(g, in, tf.constant(false));
            GradCheck.Setter setter = new GradCheck.Setter(g, layer.variables());
            // W[u, v, c, q]: channel 0's filters are all 1 and all -1, channel 1's 0.1 and 0.01
            double[] w = new double[16];
            for (int uv = 0; uv < 4; uv++) {
                w[uv * 4] = 1; // W[u, v, 0, 0]
                w[uv * 4 + 1] = -1; // W[u, v, 0, 1]
                w[uv * 4 + 2] = 0.1; // W[u, v, 1, 0]
                w[uv * 4 + 3] = 0.01; // W[u, v, 1, 1]
            }
            setter.set(0, w);
            setter.set(1, new double[] {0, 0, 0, 2});

            // when
            float[] got = GradCheck.fetch(g, out);

            // then: out[c d + q]: channel 0 q 0 = 1+2+3+4 = 10 -> 6; channel 0 q 1 = -10 -> 0;
            // channel 1 q 0 = 0.1 * 100 = 10 -> 6; channel 1 q 1 = 0.01 * 100 + 2 = 3
            assertThat(layer.outputShape()).containsExactly(1, 1, 4);
            assertThat(got)
                    .containsExactly(
                            new float[] {6, 0, 6, 3}, org.assertj.core.data.Offset.offset(1e-5f));
            assertThat(layer.variables())
                    .extracting(v -> v.name())
                    .containsExactly("dw_depthwise_kernel", "dw_bias");
            assertThat(layer.flops()).isEqualTo(4 * 2 * 4 + 4);
        }
    }

    @Test
    void should_refuse_an_explicit_padding_by_key() {
        assertThatThrownBy(
                        () ->
                                Layers.fromConfig(
                                        Map.of(
                                                "type", "depthwise_conv2d",
                                                "kernel_size", 3,
                                                "padding", 1),
                                        "layers[2]"))
                .hasMessage("layers[2].padding: must be 'valid' or 'same', got 1");
    }

    @Test
    void should_keep_same_sizes_at_stride_one_and_halve_them_at_stride_two() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            FunctionalModel m =
                    FunctionalModel.fromConfig(
                            Map.of(
                                    "inputs", Map.of("x", List.of(7, 6, 3)),
                                    "layers",
                                            List.of(
                                                    Map.of(
                                                            "name", "a",
                                                            "type", "depthwise_conv2d",
                                                            "kernel_size", 3,
                                                            "padding", "same",
                                                            "inputs", List.of("x")),
                                                    Map.of(
                                                            "name",
                                                            "b",
                                                            "type",
                                                            "depthwise_conv2d",
                                                            "kernel_size",
                                                            3,
                                                            "strides",
                                                            2,
                                                            "padding",
                                                            "same",
                                                            "inputs",
                                                            List.of("a"))),
                                    "outputs", List.of("b")));
            var x = g.tf().placeholder(TFloat32.class);
            m.forward(g, Map.of("x", x), g.tf().constant(false));
            // ceil(7 / 2) = 4, ceil(6 / 2) = 3
            assertThat(m.layerOutputShapes().get("a")).containsExactly(7, 6, 3);
            assertThat(m.layerOutputShapes().get("b")).containsExactly(4, 3, 3);
        }
    }
}
