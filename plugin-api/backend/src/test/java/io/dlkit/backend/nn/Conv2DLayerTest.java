package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.ImageOracle.Axis;
import io.dlkit.backend.nn.ImageOracle.Volume;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Conv2D against a nested-loop convolution ({@link ImageOracle}) and central finite differences.
 * Gradients: eps = 1e-2 in float32; round-off ~ulp(loss) / eps ~ 1e-6 / 2e-2 = 5e-5, truncation
 * ~eps^2 |f'''| / 6 ~ 2e-5 for the smooth tanh, so atol 5e-4 + rtol 5e-3; a wrong gradient (a
 * flipped kernel, a shifted window) is off by O(0.1). Observed: at most 2.3e-4.
 */
class Conv2DLayerTest {
    static final int M = 2;
    static final double EPS = 1e-2;
    static final double ATOL = 5e-4;
    static final double RTOL = 5e-3;

    /** An input {@code [M, h, w, c]} and a conv layer's hyperparameters. */
    record Case(int h, int w, int c, int fh, int fw, int filters, int sh, int sw, Padding padding) {
        Conv2DLayer layer(String activation, boolean batchNorm) {
            return Conv2DLayer.builder()
                    .setFilters(filters)
                    .setKernelSize(fh, fw)
                    .optStrides(sh, sw)
                    .optPadding(padding)
                    .optActivation(activation)
                    .optBatchNorm(batchNorm)
                    .optName("conv")
                    .build();
        }

        @Override
        public String toString() {
            return h + "x" + w + "x" + c + " * " + fh + "x" + fw + "x" + filters + " s" + sh + ","
                    + sw + " " + padding;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(5, 5, 2, 3, 3, 3, 1, 1, Padding.VALID),
                new Case(5, 5, 2, 3, 3, 3, 1, 1, Padding.SAME),
                new Case(6, 7, 2, 3, 3, 2, 2, 2, Padding.SAME),
                new Case(7, 7, 2, 3, 3, 2, 2, 2, Padding.VALID),
                new Case(6, 6, 3, 2, 2, 2, 1, 1, Padding.SAME),
                new Case(6, 6, 3, 4, 4, 2, 2, 2, Padding.SAME),
                new Case(5, 5, 2, 3, 3, 3, 1, 1, Padding.explicit(1)),
                new Case(5, 6, 2, 3, 3, 2, 2, 2, Padding.explicit(2)),
                new Case(6, 6, 2, 2, 2, 2, 1, 1, Padding.explicit(1)),
                new Case(6, 5, 2, 5, 5, 2, 2, 2, Padding.explicit(1)),
                new Case(7, 6, 1, 3, 2, 2, 2, 1, Padding.VALID),
                new Case(4, 4, 3, 1, 1, 4, 1, 1, Padding.VALID),
                // More than 4 input channels at stride 1
                new Case(5, 5, 5, 3, 3, 3, 1, 1, Padding.VALID),
                new Case(5, 6, 6, 3, 3, 2, 1, 1, Padding.SAME),
                // explicit p = (f-1)/2 at stride 1 is rewritten to SAME padding
                new Case(5, 6, 5, 3, 3, 2, 1, 1, Padding.explicit(1)),
                new Case(6, 6, 5, 5, 5, 2, 1, 1, Padding.explicit(2)),
                // explicit p that is not (f-1)/2 keeps the tf.pad before a VALID convolution
                new Case(5, 5, 5, 3, 3, 2, 1, 1, Padding.explicit(2)),
                new Case(6, 5, 8, 3, 3, 2, 2, 2, Padding.explicit(1)));
    }

    private static Operand<TFloat32> constant(Ops tf, float[] x, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_match_a_nested_loop_convolution(Case k) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 11)) {
            // given: random input, kernel (from the initializer) and bias
            Ops tf = g.tf();
            float[] x = GradCheck.uniformFloats(new Random(1), M * k.h() * k.w() * k.c(), -1, 1);
            Conv2DLayer layer = k.layer("linear", false);
            layer.build(g, new long[] {k.h(), k.w(), k.c()});
            Operand<TFloat32> out =
                    layer.call(g, constant(tf, x, M, k.h(), k.w(), k.c()), tf.constant(true));
            GradCheck.Setter setter = new GradCheck.Setter(g, layer.variables());
            double[] bias = GradCheck.uniform(new Random(2), k.filters(), -1, 1);
            setter.set(1, bias);
            double[] kernel = setter.get(0);
            // when
            float[] got = GradCheck.fetch(g, out);
            // then
            Volume expected =
                    ImageOracle.conv(
                            new Volume(GradCheck.toDouble(x), M, k.h(), k.w(), k.c()),
                            kernel,
                            bias,
                            k.fh(),
                            k.fw(),
                            k.filters(),
                            Axis.of(k.h(), k.fh(), k.sh(), k.padding()),
                            Axis.of(k.w(), k.fw(), k.sw(), k.padding()),
                            k.sh(),
                            k.sw());
            assertThat(layer.outputShape())
                    .containsExactly(expected.h(), expected.w(), k.filters());
            assertThat(GradCheck.toDouble(got)).containsExactly(expected.data(), within(1e-5));
        }
    }

    @ParameterizedTest(name = "n={0} f={1} s={2} padding={3} -> {4}")
    @CsvSource({
        // floor((n + 2p - f) / s) + 1, by hand
        "6, 3, 1, valid, 4", // the notes' 6x6 * 3x3 -> 4x4
        "6, 3, 1, 1, 6", // p = (f - 1) / 2 keeps the size
        "7, 3, 2, valid, 3", // floor(4 / 2) + 1
        "7, 3, 2, 1, 4", // floor(6 / 2) + 1
        "8, 4, 2, 2, 5", // floor(8 / 2) + 1
        "14, 5, 1, valid, 10", // the sliding-window classifier's first conv
        "16, 5, 1, valid, 12",
        "5, 2, 2, valid, 2", // floor(3 / 2) + 1
        "224, 7, 2, 3, 112", // ResNet-50's conv1 after its 3-pixel zero padding
        // same: ceil(n / s)
        "5, 2, 2, same, 3",
        "6, 3, 2, same, 3",
        "7, 5, 1, same, 7"
    })
    void should_give_the_output_size_of_the_formula(
            int n, int f, int s, String padding, int expected) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 11)) {
            // given
            Padding p =
                    padding.matches("\\d+")
                            ? Padding.explicit(Integer.parseInt(padding))
                            : Padding.of(padding);
            Conv2DLayer layer = new Case(n, n, 1, f, f, 2, s, s, p).layer("relu", false);
            Placeholder<TFloat32> x =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, n, n, 1)));
            // when
            long[] shape = layer.build(g, new long[] {n, n, 1});
            Operand<TFloat32> out = layer.call(g, x, g.tf().constant(false));
            // then: our formula, the padding rule and TensorFlow's shape inference agree
            assertThat(shape).containsExactly(expected, expected, 2);
            assertThat(p.outputSize(n, f, s)).isEqualTo(expected);
            assertThat(out.shape().asArray()).containsExactly(-1, expected, expected, 2);
        }
    }

    static Stream<Case> gradientCases() {
        return Stream.of(
                new Case(5, 5, 2, 3, 3, 3, 1, 1, Padding.VALID),
                new Case(5, 6, 2, 3, 3, 2, 2, 2, Padding.SAME),
                new Case(5, 5, 2, 2, 2, 2, 1, 1, Padding.SAME),
                new Case(4, 5, 2, 3, 3, 2, 2, 1, Padding.explicit(2)),
                new Case(4, 5, 5, 3, 3, 2, 1, 1, Padding.VALID),
                new Case(4, 4, 6, 3, 3, 2, 1, 1, Padding.SAME),
                new Case(5, 4, 5, 3, 3, 2, 1, 1, Padding.explicit(1)),
                new Case(4, 4, 5, 3, 3, 2, 1, 1, Padding.explicit(2)));
    }

    /** x as a variable so it can be perturbed; loss = sum(R * out) with R fixed. */
    private static Operand<TFloat32> lossOf(
            GraphContext g, Case k, Conv2DLayer layer, List<WeightVariable<TFloat32>> wrt) {
        Ops tf = g.tf();
        float[] data = GradCheck.uniformFloats(new Random(5), M * k.h() * k.w() * k.c(), -1, 1);
        WeightVariable<TFloat32> x =
                g.variable("x", constant(tf, data, M, k.h(), k.w(), k.c()), false);
        long[] out = layer.build(g, new long[] {k.h(), k.w(), k.c()});
        Operand<TFloat32> y = layer.call(g, x.read(), tf.constant(true));
        int size = (int) (M * out[0] * out[1] * out[2]);
        float[] r = GradCheck.uniformFloats(new Random(9), size, -1, 1);
        wrt.add(x);
        wrt.addAll(layer.variables().stream().filter(WeightVariable::trainable).toList());
        return GradCheck.weightedSum(tf, y, r, M, out[0], out[1], out[2]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gradientCases")
    void should_match_finite_differences_wrt_input_kernel_and_bias(Case k) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>();
            Operand<TFloat32> loss = lossOf(g, k, k.layer("tanh", false), wrt);
            // then
            assertThat(wrt)
                    .extracting(WeightVariable::name)
                    .containsExactly("x", "conv_kernel", "conv_bias");
            GradCheck.checkFloat32(g, loss, wrt, EPS, ATOL, RTOL);
        }
    }

    @Test
    void should_match_finite_differences_with_batch_norm() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given: conv -> BN over m * H * W = 2 * 4 * 4 values per channel -> tanh
            Case k = new Case(4, 4, 2, 3, 3, 3, 1, 1, Padding.SAME);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>();
            Operand<TFloat32> loss = lossOf(g, k, k.layer("tanh", true), wrt);
            // then: normalisation has large third derivatives, so a smaller step (as
            // DenseLayerTest)
            assertThat(wrt)
                    .extracting(WeightVariable::name)
                    .containsExactly("x", "conv_kernel", "conv_gamma", "conv_beta");
            GradCheck.checkFloat32(g, loss, wrt, 3e-3, ATOL, RTOL);
        }
    }

    @Test
    void should_convolve_an_input_larger_than_the_built_shape_whole() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given: a 3-channel layer built for 4x4 (its im2col path), called on a 6x7 image
            Ops tf = g.tf();
            Conv2DLayer layer = new Conv2DLayer(2, 3, "linear");
            layer.assignName("conv");
            layer.build(g, new long[] {4, 4, 3});
            float[] x = GradCheck.uniformFloats(new Random(5), 6 * 7 * 3, -1, 1);
            Operand<TFloat32> image = constant(tf, x, 1, 6, 7, 3);

            // when
            Operand<TFloat32> out = layer.call(g, image, tf.constant(false));

            // then: the whole image convolved (a VALID 3x3 kernel: 4x5), as TensorFlow's conv2d
            assertThat(out.shape().asArray()).containsExactly(1, 4, 5, 2);
            WeightVariable<TFloat32> kernel = layer.variables().get(0);
            Operand<TFloat32> expected =
                    tf.nn.conv2d(image, kernel.read(), List.of(1L, 1L, 1L, 1L), "VALID");
            float[] got = GradCheck.fetch(g, out);
            float[] want =
                    GradCheck.fetch(g, tf.nn.biasAdd(expected, layer.variables().get(1).read()));
            for (int i = 0; i < want.length; i++) {
                assertThat(got[i]).isCloseTo(want[i], within(1e-5f));
            }
        }
    }

    @Test
    void should_count_the_notes_parameters_and_flops() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given: the notes' layer, 10 filters of 3x3x3
            Conv2DLayer layer = new Conv2DLayer(10, 3, "relu");
            layer.assignName("conv");
            // when
            long[] out = layer.build(g, new long[] {6, 6, 3});
            // then: (3*3*3 + 1) * 10 = 280 parameters; 4*4*10 outputs of 2*27 + 1 FLOPs each
            long params =
                    layer.variables().stream().mapToLong(v -> v.variable().shape().size()).sum();
            assertThat(params).isEqualTo(280);
            assertThat(out).containsExactly(4, 4, 10);
            assertThat(layer.flops()).isEqualTo(4 * 4 * 10 * (2 * 27 + 1));
            assertThat(layer.initializer()).isSameAs(Initializers.HE);
            assertThat(layer.regularizedWeights())
                    .extracting(WeightVariable::name)
                    .containsExactly("conv_kernel");
        }
    }

    @Test
    void should_take_softmax_over_the_channels_of_each_pixel() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 17)) {
            // given
            Ops tf = g.tf();
            Case k = new Case(3, 3, 2, 1, 1, 4, 1, 1, Padding.VALID);
            Conv2DLayer layer = k.layer("softmax", false);
            layer.build(g, new long[] {3, 3, 2});
            float[] x = GradCheck.uniformFloats(new Random(3), M * 18, -2, 2);
            Operand<TFloat32> out = layer.call(g, constant(tf, x, M, 3, 3, 2), tf.constant(false));
            // when
            float[] p = GradCheck.fetch(g, out);
            float[] z = GradCheck.fetch(g, layer.preActivation());
            // then: p = e^z / sum_channels e^z, pixel by pixel
            for (int pixel = 0; pixel < M * 9; pixel++) {
                double sum = 0;
                for (int c = 0; c < 4; c++) sum += Math.exp(z[pixel * 4 + c]);
                for (int c = 0; c < 4; c++) {
                    assertThat((double) p[pixel * 4 + c])
                            .isCloseTo(Math.exp(z[pixel * 4 + c]) / sum, within(1e-6));
                }
            }
        }
    }

    @Test
    void should_allow_a_bias_before_batch_norm_as_keras_applications_have() {
        Conv2DLayer layer =
                Conv2DLayer.builder()
                        .setFilters(2)
                        .setKernelSize(3)
                        .optBatchNorm(true)
                        .optUseBias(true)
                        .build();
        assertThat(layer.useBias()).isTrue();
    }
}
