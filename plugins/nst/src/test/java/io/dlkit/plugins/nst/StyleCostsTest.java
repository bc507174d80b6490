package io.dlkit.plugins.nst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.testkit.TensorAsserts;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The costs of the notes against hand computations on tiny tensors. */
class StyleCostsTest {
    // a: [1, nH=1, nW=2, nC=2]: positions (1, 2) and (3, 4)
    private static final float[] A = {1, 2, 3, 4};
    // b: positions (0, 2) and (3, 1)
    private static final float[] B = {0, 2, 3, 1};

    @Test
    void should_compute_the_gram_matrix_as_a_times_a_transposed_of_the_unrolled_activations() {
        // A unrolled (nC x nHnW) = [[1, 3], [2, 4]]; A A^T = [[1+9, 2+12], [2+12, 4+16]]
        float[] g = run(tf -> StyleCosts.gram(tf, constant(tf, A, 1, 1, 2, 2)));
        TensorAsserts.assertAllClose(g, new float[] {10, 14, 14, 20}, 1e-6);
    }

    @Test
    void should_compute_the_content_cost_with_the_4_nh_nw_nc_normalisation() {
        // (1-0)^2 + 0 + 0 + (4-1)^2 = 10; 4 nH nW nC = 4 * 1 * 2 * 2 = 16
        float[] j =
                run(
                        tf ->
                                StyleCosts.content(
                                        tf,
                                        constant(tf, A, 1, 1, 2, 2),
                                        constant(tf, B, 1, 1, 2, 2)));
        assertThat(j[0]).isCloseTo(10f / 16f, within(1e-6f));
    }

    @Test
    void should_compute_the_layer_style_cost_with_the_4_nc2_nhnw2_normalisation() {
        // G(S) of A = [[10, 14], [14, 20]]; B unrolled [[0, 3], [2, 1]]: G(G) = [[9, 3], [3, 5]]
        // differences 1, 11, 11, 15: 1 + 121 + 121 + 225 = 468; 4 nC^2 (nH nW)^2 = 4*4*4 = 64
        float[] j =
                run(
                        tf ->
                                StyleCosts.styleLayer(
                                        tf,
                                        StyleCosts.gram(tf, constant(tf, A, 1, 1, 2, 2)),
                                        constant(tf, B, 1, 1, 2, 2)));
        assertThat(j[0]).isCloseTo(468f / 64f, within(1e-5f));
    }

    @Test
    void should_compute_total_variation_over_vertical_and_horizontal_neighbours() {
        // one channel, 2x2 [[1, 2], [4, 8]]: down (3, 6), right (1, 4): 9+36+1+16 = 62; / (H W = 4)
        float[] tv =
                run(
                        tf ->
                                StyleCosts.totalVariation(
                                        tf, constant(tf, new float[] {1, 2, 4, 8}, 1, 2, 2, 1)));
        assertThat(tv[0]).isCloseTo(62f / 4f, within(1e-5f));
    }

    private static Operand<TFloat32> constant(Ops tf, float[] v, long... shape) {
        return tf.constant(Shape.of(shape), DataBuffers.of(v, true, false));
    }

    private static float[] run(java.util.function.Function<Ops, Operand<TFloat32>> build) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Operand<TFloat32> out = build.apply(g.tf());
            try (TFloat32 t = (TFloat32) g.session().runner().fetch(out).run().get(0)) {
                float[] v = new float[(int) t.size()];
                t.asRawTensor().data().asFloats().read(v);
                return v;
            }
        }
    }
}
