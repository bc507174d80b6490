package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Residual blocks: parameter counts of ResNet-50's res2a/res2b by hand, the shortcut wiring, and
 * gradients against central differences. The gradient checks use tanh instead of relu (a +-eps
 * probe must not cross a kink; relu's gradient is checked in DenseLayerTest) and eps = 3e-3 because
 * of batch norm's large third derivatives (as DenseLayerTest); round-off ~1e-6 / 6e-3 ~ 2e-4, so
 * atol 1e-3 + rtol 1e-2. A missing shortcut or a wrong projection is off by O(0.1). Observed: at
 * most 8e-4 absolute, on gradients of O(1) (relative 7e-4).
 */
class ResidualBlockTest {
    private static final int M = 2;

    private record Net(
            ResidualBlock block,
            WeightVariable<TFloat32> x,
            Operand<TFloat32> out,
            Operand<TFloat32> loss) {}

    private static Net net(GraphContext g, ResidualBlock block, int h, int w, int c) {
        Ops tf = g.tf();
        float[] data = GradCheck.uniformFloats(new Random(5), M * h * w * c, -1, 1);
        WeightVariable<TFloat32> x =
                g.variable("x", tf.constant(Shape.of(M, h, w, c), DataBuffers.of(data)), false);
        long[] out = block.build(g, new long[] {h, w, c});
        Operand<TFloat32> y = block.call(g, x.read(), tf.constant(true));
        float[] r =
                GradCheck.uniformFloats(new Random(9), (int) (M * out[0] * out[1] * out[2]), -1, 1);
        return new Net(block, x, y, GradCheck.weightedSum(tf, y, r, M, out[0], out[1], out[2]));
    }

    private static long params(Layer layer, boolean trainable) {
        return layer.variables().stream()
                .filter(v -> v.trainable() == trainable)
                .mapToLong(v -> v.variable().shape().size())
                .sum();
    }

    @Test
    void should_count_the_parameters_of_resnet50_bottleneck_blocks_by_hand() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: stage 2 of the notes' ResNet-50 on its 56x56x64 input
            Sequential model =
                    Sequential.builder()
                            .input(56, 56, 64)
                            .add(
                                    ResidualBlock.convolutional(1, 64, 64, 256)
                                            .optName("res2a")
                                            .build())
                            .add(ResidualBlock.identity(64, 64, 256).optName("res2b").build())
                            .build();
            Placeholder<TFloat32> x =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 56, 56, 64)));
            // when
            model.forward(g, x, g.tf().constant(false));
            ModelSummary summary = ModelSummary.of(model);
            // then res2a: kernels 1*1*64*64 + 3*3*64*64 + 1*1*64*256 + shortcut 1*1*64*256
            // = 4096 + 36864 + 16384 + 16384 = 73728, gamma and beta 2 * (64 + 64 + 256 + 256) =
            // 1280
            Layer res2a = model.layers().get(0);
            assertThat(params(res2a, true)).isEqualTo(73728 + 1280);
            assertThat(params(res2a, false)).isEqualTo(1280);
            // res2b: 1*1*256*64 + 3*3*64*64 + 1*1*64*256 = 69632, gamma and beta 2 * 384 = 768
            Layer res2b = model.layers().get(1);
            assertThat(params(res2b, true)).isEqualTo(69632 + 768);
            assertThat(params(res2b, false)).isEqualTo(768);
            assertThat(summary.totalParams()).isEqualTo(73728 + 2560 + 69632 + 1536);
            // FLOPs per conv: 56*56*F*(2 k*k*C_in) + 4*56*56*F (batch norm), + 56*56*256 (add)
            long px = 56 * 56;
            long res2aFlops =
                    px * 64 * (2 * 64 + 4)
                            + px * 64 * (2 * 9 * 64 + 4)
                            + px * 256 * (2 * 64 + 4)
                            + px * 256 * (2 * 64 + 4)
                            + px * 256;
            assertThat(res2a.flops()).isEqualTo(res2aFlops);
            assertThat(model.layerOutputShapes())
                    .allSatisfy(s -> assertThat(s).containsExactly(56, 56, 256));
            assertThat(res2a.variables())
                    .extracting(WeightVariable::name)
                    .startsWith(
                            "res2a_conv1_kernel",
                            "res2a_conv1_gamma",
                            "res2a_conv1_beta",
                            "res2a_conv1_moving_mean",
                            "res2a_conv1_moving_variance")
                    .contains("res2a_conv3_kernel", "res2a_shortcut_kernel", "res2a_shortcut_gamma")
                    .hasSize(20);
            assertThat(res2a.regularizedWeights())
                    .extracting(WeightVariable::name)
                    .containsExactly(
                            "res2a_conv1_kernel",
                            "res2a_conv2_kernel",
                            "res2a_conv3_kernel",
                            "res2a_shortcut_kernel");
            assertThat(model.trainingUpdates()).hasSize(2 * (4 + 3)); // mean, variance per BN
        }
    }

    @Test
    void should_add_the_input_to_the_main_path_in_an_identity_block() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
            Net net = net(g, ResidualBlock.identity(2, 3).optName("res").build(), 4, 4, 3);
            // when
            float[] out = GradCheck.fetch(g, net.out());
            float[] main = GradCheck.fetch(g, net.block().output("main"));
            float[] x = GradCheck.fetch(g, net.x().read());
            // then: out = relu(main + x)
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isCloseTo(Math.max(0f, main[i] + x[i]), within(1e-6f));
            }
            assertThat(net.block().output("shortcut")).isSameAs(net.x().read());
            assertThat(net.block().outputShape()).containsExactly(4, 4, 3);
        }
    }

    @Test
    void should_project_the_shortcut_with_a_strided_1x1_conv_in_a_convolutional_block() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: 5x5 input, stride 2 -> ceil(5 / 2) = 3 on both paths
            ResidualBlock block = ResidualBlock.convolutional(2, 2, 2, 4).optName("res").build();
            Net net = net(g, block, 5, 5, 2);
            // when
            float[] out = GradCheck.fetch(g, net.out());
            float[] main = GradCheck.fetch(g, block.output("main"));
            float[] shortcut = GradCheck.fetch(g, block.output("shortcut"));
            // then
            assertThat(block.outputShape()).containsExactly(3, 3, 4);
            assertThat(out).hasSize(M * 3 * 3 * 4);
            for (int i = 0; i < out.length; i++) {
                assertThat(out[i]).isCloseTo(Math.max(0f, main[i] + shortcut[i]), within(1e-6f));
            }
            Conv2DLayer projection = (Conv2DLayer) block.subLayers().get("shortcut");
            assertThat(projection.kernelSize()).containsExactly(1, 1);
            assertThat(projection.strides()).containsExactly(2, 2);
            assertThat(projection.activation()).isEqualTo(Activations.LINEAR);
            assertThat(projection.batchNorm()).isTrue();
            assertThat(block.subLayers().keySet())
                    .containsExactly("conv1", "conv2", "conv3", "shortcut");
        }
    }

    @Test
    void should_match_finite_differences_for_an_identity_block() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 23)) {
            // given: basic block 3x3, 3x3 on 4x4x3
            ResidualBlock block =
                    ResidualBlock.identity(2, 3)
                            .optName("res")
                            .optActivation(Activations.TANH)
                            .build();
            Net net = net(g, block, 4, 4, 3);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(net.x()));
            wrt.addAll(block.variables().stream().filter(WeightVariable::trainable).toList());
            // then
            GradCheck.checkFloat32(g, net.loss(), wrt, 3e-3, 1e-3, 1e-2);
        }
    }

    @Test
    void should_match_finite_differences_for_a_convolutional_block() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 23)) {
            // given: bottleneck 1x1 (stride 2), 3x3, 1x1 on 5x5x2, projection 1x1 stride 2
            ResidualBlock block =
                    ResidualBlock.convolutional(2, 2, 2, 3)
                            .optName("res")
                            .optActivation(Activations.TANH)
                            .build();
            Net net = net(g, block, 5, 5, 2);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(net.x()));
            wrt.addAll(block.variables().stream().filter(WeightVariable::trainable).toList());
            // then
            assertThat(wrt).hasSize(1 + 4 * 3);
            GradCheck.checkFloat32(g, net.loss(), wrt, 3e-3, 1e-3, 1e-2);
        }
    }

    @Test
    void should_name_its_sub_layers_after_the_name_the_model_gives_it() {
        // when
        Sequential model =
                Sequential.builder()
                        .input(8, 8, 4)
                        .add(ResidualBlock.identity(4, 4).build())
                        .build();
        // then
        ResidualBlock block = (ResidualBlock) model.layers().get(0);
        assertThat(block.name()).isEqualTo("residual_block_1");
        assertThat(block.subLayers().values())
                .extracting(Layer::name)
                .containsExactly("residual_block_1_conv1", "residual_block_1_conv2");
    }

    @Test
    void should_refuse_an_identity_block_that_changes_the_shape() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            ResidualBlock block = ResidualBlock.identity(4, 8).optName("res").build();
            assertThatThrownBy(() -> block.build(g, new long[] {8, 8, 3}))
                    .hasMessage(
                            "residual_block layer 'res' is an identity block, so its input channels (3)"
                                    + " must equal its last filter count (8); use block: convolutional to"
                                    + " change the channels");
            assertThatThrownBy(() -> ResidualBlock.identity(4, 4).optStrides(2).build())
                    .hasMessage(
                            "strides must be 1 for an identity block (use a convolutional block to"
                                    + " downsample), got 2");
            assertThatThrownBy(() -> ResidualBlock.identity(4).build())
                    .hasMessage(
                            "filters must be 2 (basic) or 3 (bottleneck) integers >= 1, got [4]");
            assertThatThrownBy(() -> block.output("sum"))
                    .hasMessage(
                            "residual_block layer 'res' has no output 'sum'; valid: main, shortcut, add");
        }
    }
}
