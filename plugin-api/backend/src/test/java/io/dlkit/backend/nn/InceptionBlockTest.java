package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inception blocks: GoogLeNet's inception (3a) counted by hand, the channel order of the concat,
 * and gradients against central differences (tanh so no probe crosses a kink; inputs distinct and
 * 0.05 apart so the 3x3 max-pool branch never changes its winners; eps = 3e-3, atol 1e-3 + rtol
 * 1e-2 as for residual blocks; observed agreement ~1e-4).
 */
class InceptionBlockTest {
    private static final int M = 2;

    @Test
    void should_count_the_parameters_and_flops_of_googlenet_inception_3a_by_hand() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: 28x28x192 in, (64, 96 -> 128, 16 -> 32, pool -> 32)
            InceptionBlock block = new InceptionBlock(64, 96, 128, 16, 32, 32);
            block.assignName("inception_3a");
            // when
            long[] out = block.build(g, new long[] {28, 28, 192});
            // then: (kernel + bias) per conv
            long params =
                    (192 * 64 + 64) // 1x1
                            + (192 * 96 + 96) // 3x3 reduce
                            + (3 * 3 * 96 * 128 + 128) // 3x3
                            + (192 * 16 + 16) // 5x5 reduce
                            + (5 * 5 * 16 * 32 + 32) // 5x5
                            + (192 * 32 + 32); // pool projection
            assertThat(params).isEqualTo(163_696);
            assertThat(block.variables().stream().mapToLong(v -> v.variable().shape().size()).sum())
                    .isEqualTo(params);
            assertThat(out).containsExactly(28, 28, 64 + 128 + 32 + 32);
            long px = 28 * 28;
            long flops =
                    px * 64 * (2 * 192 + 1)
                            + px * 96 * (2 * 192 + 1)
                            + px * 128 * (2 * 9 * 96 + 1)
                            + px * 16 * (2 * 192 + 1)
                            + px * 32 * (2 * 25 * 16 + 1)
                            + px * 192 * 9 // 3x3 max-pool, stride 1, same
                            + px * 32 * (2 * 192 + 1);
            assertThat(block.flops()).isEqualTo(flops);
            assertThat(block.variables())
                    .extracting(WeightVariable::name)
                    .startsWith(
                            "inception_3a_1x1_kernel",
                            "inception_3a_1x1_bias",
                            "inception_3a_3x3_reduce_kernel")
                    .endsWith("inception_3a_pool_proj_kernel", "inception_3a_pool_proj_bias");
        }
    }

    private record Net(
            InceptionBlock block,
            WeightVariable<TFloat32> x,
            Operand<TFloat32> out,
            Operand<TFloat32> loss) {}

    private static Net net(GraphContext g, boolean batchNorm) {
        Ops tf = g.tf();
        InceptionBlock block =
                new InceptionBlock(
                        "inc", new int[] {2, 2, 3, 1, 2, 2}, Activations.TANH, batchNorm);
        float[] data = ImageOracle.distinct(new Random(3), M * 4 * 4 * 3, 0.05);
        WeightVariable<TFloat32> x =
                g.variable("x", tf.constant(Shape.of(M, 4, 4, 3), DataBuffers.of(data)), false);
        block.build(g, new long[] {4, 4, 3});
        Operand<TFloat32> y = block.call(g, x.read(), tf.constant(true));
        float[] r = GradCheck.uniformFloats(new Random(9), M * 4 * 4 * 9, -1, 1);
        return new Net(block, x, y, GradCheck.weightedSum(tf, y, r, M, 4, 4, 9));
    }

    @Test
    void should_stack_the_four_branches_on_the_channel_axis_in_order() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given
            Net net = net(g, false);
            // when
            float[] out = GradCheck.fetch(g, net.out());
            // then: channels [0, 2) the 1x1 branch, [2, 5) 3x3, [5, 7) 5x5, [7, 9) pool projection
            int[] widths = {2, 3, 2, 2};
            int offset = 0;
            for (int b = 0; b < 4; b++) {
                String key = net.block().outputKeys().get(b);
                float[] branch = GradCheck.fetch(g, net.block().output(key));
                for (int pixel = 0; pixel < M * 16; pixel++) {
                    for (int c = 0; c < widths[b]; c++) {
                        assertThat(out[pixel * 9 + offset + c])
                                .as("%s channel %d", key, c)
                                .isEqualTo(branch[pixel * widths[b] + c]);
                    }
                }
                offset += widths[b];
            }
            assertThat(net.block().outputKeys()).containsExactly("1x1", "3x3", "5x5", "pool_proj");
            assertThat(net.block().outputShape()).containsExactly(4, 4, 9);
        }
    }

    @ParameterizedTest(name = "batch_norm {0}")
    @ValueSource(booleans = {false, true})
    void should_match_finite_differences(boolean batchNorm) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 29)) {
            // given
            Net net = net(g, batchNorm);
            List<WeightVariable<TFloat32>> wrt = new ArrayList<>(List.of(net.x()));
            wrt.addAll(net.block().variables().stream().filter(WeightVariable::trainable).toList());
            // then: 6 convs with kernel and bias, or kernel, gamma and beta
            assertThat(wrt).hasSize(1 + 6 * (batchNorm ? 3 : 2));
            assertThat(net.block().trainingUpdates()).hasSize(batchNorm ? 12 : 0);
            GradCheck.checkFloat32(g, net.loss(), wrt, 3e-3, 1e-3, 1e-2);
        }
    }

    @Test
    void should_refuse_a_filter_count_below_one() {
        assertThatThrownBy(() -> new InceptionBlock(64, 96, 128, 0, 32, 32))
                .hasMessage("filters_5x5_reduce must be >= 1, got 0");
    }
}
