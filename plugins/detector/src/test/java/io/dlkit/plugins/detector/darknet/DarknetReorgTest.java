package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class DarknetReorgTest {
    @Test
    void should_reorder_as_darknets_reorg_cpu_by_hand() {
        // x = 0..15 as C=4 x H=2 x W=2, stride 2: out[i + 2j + 4k] = x[(2i + k%2) + 4(2j + k/2)]
        // (reorg_cpu reads the input as a 1 x 4 x 4 map):
        //   k=0: x[0], x[2], x[8], x[10]   k=1: x[1], x[3], x[9], x[11]
        //   k=2: x[4], x[6], x[12], x[14]  k=3: x[5], x[7], x[13], x[15]
        float[] out = DarknetReorg.forwardChw(range(16), 4, 2, 2, 2);
        assertThat(out).containsExactly(0, 2, 8, 10, 1, 3, 9, 11, 4, 6, 12, 14, 5, 7, 13, 15);
    }

    @Test
    void should_differ_from_tensorflows_space_to_depth_and_match_through_a_gather() {
        // given: a 4 x 4 x 8 channels-last image with distinct values
        int h = 4;
        int w = 4;
        int c = 8;
        float[] hwc = range(h * w * c);
        int[] indices = DarknetReorg.hwcGatherIndices(h, w, c, 2);
        float[] expected =
                hwcOf(DarknetReorg.forwardChw(chwOf(hwc, h, w, c), c, h, w, 2), 2, 2, 32);

        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Ops tf = g.tf();
            Operand<TFloat32> x = tf.constant(Shape.of(1, h, w, c), DataBuffers.of(hwc));
            Operand<TFloat32> s2d = tf.nn.spaceToDepth(x, 2L);
            Operand<TFloat32> gathered =
                    tf.reshape(
                            tf.gather(
                                    tf.reshape(x, tf.constant(new long[] {1, -1})),
                                    tf.constant(indices),
                                    tf.constant(1)),
                            tf.constant(new long[] {1, 2, 2, 32}));
            try (Result r = g.session().runner().fetch(s2d).fetch(gathered).run()) {
                // then: same shape, other order; the gather reproduces Darknet
                assertThat(Tensors.toFloats(r.get(0))).isNotEqualTo(expected);
                assertThat(Tensors.toFloats(r.get(1))).containsExactly(expected);
            }
        }
    }

    private static float[] range(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** An {@code [h, w, c]} array in Darknet's {@code [c, h, w]} order. */
    static float[] chwOf(float[] hwc, int h, int w, int c) {
        float[] out = new float[hwc.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    out[(k * h + y) * w + x] = hwc[(y * w + x) * c + k];
                }
            }
        }
        return out;
    }

    private static float[] hwcOf(float[] chw, int h, int w, int c) {
        float[] out = new float[chw.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int k = 0; k < c; k++) {
                    out[(y * w + x) * c + k] = chw[(k * h + y) * w + x];
                }
            }
        }
        return out;
    }
}
