package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DarknetReferenceTest {
    @Test
    void should_normalise_activate_and_pool_as_darknet_by_hand() {
        // 2x2x1 input, 1x1 conv (weight 2) with batch norm (mean 1, variance 4, scale 3, beta 0.5)
        // and leaky, then maxpool size 2 stride 1 (padding 1: the window runs off the right and
        // bottom edges). conv: 2, -4, 6, -8; norm: 3 (v - 1) / (2 + 1e-6) + 0.5:
        // 2 -> 1.9999993, -4 -> -7 -> leaky -0.7, 6 -> 8, -8 -> -13 -> -1.3
        DarknetNetwork net =
                DarknetNetwork.of(
                        DarknetCfg.parse(
                                "[net]\nwidth=2\nheight=2\nchannels=1\n[convolutional]\n"
                                        + "batch_normalize=1\nfilters=1\nsize=1\nactivation=leaky\n"
                                        + "[maxpool]\nsize=2\nstride=1\n",
                                "h.cfg"));
        DarknetWeights w =
                new DarknetWeights(
                        WeightsHeader.current(0),
                        Map.of(
                                "conv0_bias", new float[] {0.5f},
                                "conv0_bn_scale", new float[] {3f},
                                "conv0_bn_mean", new float[] {1f},
                                "conv0_bn_variance", new float[] {4f},
                                "conv0_kernel", new float[] {2f}));

        List<float[]> out = DarknetReference.forward(net, w, new float[] {1, -2, 3, -4});

        assertThat(out.get(0)[0]).isCloseTo(3f / 2.000001f + 0.5f, within(1e-6f));
        assertThat(out.get(0)[1]).isCloseTo(-0.7f, within(1e-5f));
        assertThat(out.get(0)[2]).isCloseTo(8f, within(1e-5f));
        assertThat(out.get(0)[3]).isCloseTo(-1.3f, within(1e-5f));
        assertThat(out.get(1))
                .usingComparatorWithPrecision(1e-5f)
                .containsExactly(8f, -0.7f, 8f, -1.3f);
    }

    @Test
    void should_convolve_as_tensorflow_with_the_kernel_in_hwio_order() {
        // 5x5x3 input, 4 filters of 3x3 at stride 2, pad 1, linear, with bias: 3x3x4 output
        DarknetNetwork net =
                DarknetNetwork.of(
                        DarknetCfg.parse(
                                "[net]\nwidth=5\nheight=5\nchannels=3\n[convolutional]\n"
                                        + "filters=4\nsize=3\nstride=2\npad=1\nactivation=linear\n",
                                "c.cfg"));
        Random r = new Random(3);
        float[] kernel = gaussian(r, 4 * 3 * 3 * 3);
        float[] bias = gaussian(r, 4);
        float[] hwc = gaussian(r, 5 * 5 * 3);
        DarknetWeights w =
                new DarknetWeights(
                        WeightsHeader.current(0),
                        Map.of("conv0_bias", bias, "conv0_kernel", kernel));

        float[] ours =
                DarknetReference.forward(net, w, DarknetReorgTest.chwOf(hwc, 5, 5, 3)).get(0);

        float[] hwio = DarknetTensors.oihwToHwio(kernel, 4, 3, 3, 3);
        assertThat(DarknetTensors.hwioToOihw(hwio, 3, 3, 3, 4)).containsExactly(kernel);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Ops tf = g.tf();
            Operand<TFloat32> x = tf.constant(Shape.of(1, 5, 5, 3), DataBuffers.of(hwc));
            Operand<TFloat32> padded =
                    tf.pad(
                            x,
                            tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
                            tf.constant(0f));
            Operand<TFloat32> y =
                    tf.nn.biasAdd(
                            tf.nn.conv2d(
                                    padded,
                                    tf.constant(Shape.of(3, 3, 3, 4), DataBuffers.of(hwio)),
                                    List.of(1L, 2L, 2L, 1L),
                                    "VALID"),
                            tf.constant(bias));
            try (Result res = g.session().runner().fetch(y).run()) {
                float[] theirs = DarknetReorgTest.chwOf(Tensors.toFloats(res.get(0)), 3, 3, 4);
                assertThat(ours).usingComparatorWithPrecision(1e-5f).containsExactly(theirs);
            }
        }
    }

    private static float[] gaussian(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
