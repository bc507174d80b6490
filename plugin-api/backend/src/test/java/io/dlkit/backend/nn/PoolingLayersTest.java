package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.ImageOracle.Axis;
import io.dlkit.backend.nn.ImageOracle.Volume;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Max and average pooling against nested loops ({@link ImageOracle}) and finite differences, plus
 * global average pooling, flatten and zero padding. Max-pool inputs are distinct values 0.05 apart,
 * so a +-eps = 1e-2 probe never changes which element wins a window (the gradient is then exact:
 * agreement ~1e-6; tolerance atol 2e-4 + rtol 2e-3 as for dense layers).
 */
class PoolingLayersTest {
    private static final int M = 2;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(4, 4, 2, 2, 2, Padding.VALID),
                Arguments.of(5, 5, 2, 2, 2, Padding.VALID),
                Arguments.of(5, 5, 2, 2, 2, Padding.SAME),
                Arguments.of(5, 6, 1, 3, 1, Padding.SAME),
                Arguments.of(7, 7, 2, 3, 2, Padding.VALID),
                Arguments.of(6, 6, 2, 3, 2, Padding.SAME));
    }

    private static PoolLayer pool(boolean max, int f, int s, Padding padding) {
        return max
                ? new MaxPoolLayer("pool", f, s, padding)
                : new AvgPoolLayer("pool", f, s, padding);
    }

    private static Operand<TFloat32> run(GraphContext g, Layer layer, float[] x, long... shape) {
        Ops tf = g.tf();
        layer.build(g, new long[] {shape[1], shape[2], shape[3]});
        return layer.call(g, tf.constant(Shape.of(shape), DataBuffers.of(x)), tf.constant(false));
    }

    @ParameterizedTest(name = "{0}x{1}x{2} pool {3} stride {4} {5}")
    @MethodSource("cases")
    void should_match_nested_loop_max_and_average_pooling(
            int h, int w, int c, int f, int s, Padding padding) {
        for (boolean max : new boolean[] {true, false}) {
            try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
                // given
                float[] x = GradCheck.uniformFloats(new Random(h * w + c), M * h * w * c, -2, 2);
                PoolLayer layer = pool(max, f, s, padding);
                // when
                float[] got = GradCheck.fetch(g, run(g, layer, x, M, h, w, c));
                // then
                Volume expected =
                        ImageOracle.pool(
                                new Volume(GradCheck.toDouble(x), M, h, w, c),
                                f,
                                s,
                                Axis.of(h, f, s, padding),
                                Axis.of(w, f, s, padding),
                                max);
                assertThat(layer.outputShape()).containsExactly(expected.h(), expected.w(), c);
                assertThat(GradCheck.toDouble(got))
                        .as(layer.type())
                        .containsExactly(expected.data(), within(1e-6));
                assertThat(layer.variables()).isEmpty();
                assertThat(layer.flops()).isEqualTo((long) expected.h() * expected.w() * c * f * f);
            }
        }
    }

    @ParameterizedTest(name = "{0}x{1}x{2} pool {3} stride {4} {5}")
    @MethodSource("cases")
    void should_match_finite_differences_for_pooling(
            int h, int w, int c, int f, int s, Padding padding) {
        for (boolean max : new boolean[] {true, false}) {
            try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
                // given
                Ops tf = g.tf();
                float[] data = ImageOracle.distinct(new Random(7), M * h * w * c, 0.05);
                WeightVariable<TFloat32> x =
                        g.variable(
                                "x",
                                tf.constant(Shape.of(M, h, w, c), DataBuffers.of(data)),
                                false);
                PoolLayer layer = pool(max, f, s, padding);
                long[] out = layer.build(g, new long[] {h, w, c});
                Operand<TFloat32> y = layer.call(g, x.read(), tf.constant(true));
                int size = (int) (M * out[0] * out[1] * out[2]);
                float[] r = GradCheck.uniformFloats(new Random(9), size, -1, 1);
                Operand<TFloat32> loss = GradCheck.weightedSum(tf, y, r, M, out[0], out[1], out[2]);
                // then
                GradCheck.checkFloat32(g, loss, List.of(x), 1e-2, 2e-4, 2e-3);
            }
        }
    }

    @Test
    void should_average_each_channel_over_the_whole_image() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
            float[] x = GradCheck.uniformFloats(new Random(2), M * 3 * 4 * 2, -1, 1);
            GlobalAvgPoolLayer layer = new GlobalAvgPoolLayer("gap");
            // when
            float[] got = GradCheck.fetch(g, run(g, layer, x, M, 3, 4, 2));
            // then: out[i, c] = (1 / 12) sum_{y, x} A[i, y, x, c]
            Volume a = new Volume(GradCheck.toDouble(x), M, 3, 4, 2);
            for (int i = 0; i < M; i++) {
                for (int c = 0; c < 2; c++) {
                    double sum = 0;
                    for (int yy = 0; yy < 3; yy++)
                        for (int xx = 0; xx < 4; xx++) sum += a.at(i, yy, xx, c);
                    assertThat((double) got[i * 2 + c]).isCloseTo(sum / 12, within(1e-6));
                }
            }
            assertThat(layer.outputShape()).containsExactly(2);
            assertThat(layer.flops()).isEqualTo(3 * 4 * 2);
        }
    }

    @Test
    void should_flatten_in_row_major_order() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
            float[] x = GradCheck.uniformFloats(new Random(4), M * 3 * 2 * 4, -1, 1);
            FlattenLayer layer = new FlattenLayer("flat");
            // when
            Operand<TFloat32> out = run(g, layer, x, M, 3, 2, 4);
            float[] got = GradCheck.fetch(g, out);
            // then: out[i, (y W + x) C + c] = A[i, y, x, c]
            Volume a = new Volume(GradCheck.toDouble(x), M, 3, 2, 4);
            for (int i = 0; i < M; i++)
                for (int yy = 0; yy < 3; yy++)
                    for (int xx = 0; xx < 2; xx++)
                        for (int c = 0; c < 4; c++)
                            assertThat(got[i * 24 + (yy * 2 + xx) * 4 + c])
                                    .isEqualTo((float) a.at(i, yy, xx, c));
            assertThat(layer.outputShape()).containsExactly(24);
            assertThat(out.shape().asArray()).containsExactly(M, 24);
        }
    }

    @Test
    void should_surround_the_image_with_zeros() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: 1 row above, 2 below, 0 columns left, 3 right
            float[] x = GradCheck.uniformFloats(new Random(6), M * 2 * 2 * 1, 1, 2);
            ZeroPaddingLayer layer = new ZeroPaddingLayer("pad", 1, 2, 0, 3);
            // when
            float[] got = GradCheck.fetch(g, run(g, layer, x, M, 2, 2, 1));
            // then
            assertThat(layer.outputShape()).containsExactly(5, 5, 1);
            for (int i = 0; i < M; i++) {
                for (int yy = 0; yy < 5; yy++) {
                    for (int xx = 0; xx < 5; xx++) {
                        boolean inside = yy >= 1 && yy < 3 && xx < 2;
                        float expected = inside ? x[(i * 2 + yy - 1) * 2 + xx] : 0f;
                        assertThat(got[(i * 5 + yy) * 5 + xx]).isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void should_refuse_explicit_padding_and_windows_that_do_not_fit() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            assertThatThrownBy(() -> new MaxPoolLayer("p", 2, 2, Padding.explicit(1)))
                    .hasMessage("padding must be valid or same for pooling, got 1");
            assertThatThrownBy(
                            () ->
                                    new AvgPoolLayer("p", 4, 1, Padding.VALID)
                                            .build(g, new long[] {3, 3, 2}))
                    .hasMessage(
                            "avg_pool layer 'p': a 4x4 window with padding valid does not fit the input 3x3");
            assertThatThrownBy(() -> new GlobalAvgPoolLayer("gap").build(g, new long[] {10}))
                    .hasMessage(
                            "global_avg_pool layer 'gap' needs an image input shape [height, width, channels], got [10]");
        }
    }
}
