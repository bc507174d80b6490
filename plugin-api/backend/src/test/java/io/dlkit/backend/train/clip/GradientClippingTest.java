package io.dlkit.backend.train.clip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class GradientClippingTest {
    private GraphContext graph;
    private Ops tf;

    @BeforeEach
    void open() {
        graph = GraphContext.create(DeviceRequest.CPU, 1, 1);
        tf = graph.tf();
    }

    @AfterEach
    void close() {
        graph.close();
    }

    /** Gradients [3, 4] and [[12]]: global norm sqrt(9 + 16 + 144) = 13. */
    private List<Operand<TFloat32>> gradients() {
        return List.of(tf.constant(new float[] {3f, 4f}), tf.constant(new float[][] {{12f}}));
    }

    private float[][] run(List<Operand<TFloat32>> outputs) {
        Session.Runner runner = graph.session().runner();
        outputs.forEach(runner::fetch);
        try (Result r = runner.run()) {
            float[][] values = new float[outputs.size()][];
            for (int i = 0; i < outputs.size(); i++) {
                values[i] = Tensors.toFloats(r.get(i));
            }
            return values;
        }
    }

    @Test
    void should_clip_each_element_into_the_range() {
        // when
        float[][] out =
                run(
                        GradientClipping.byValue(
                                tf, List.of(tf.constant(new float[] {-3f, 0.5f, 2f, -1f})), 1f));
        // then: min(max(g, -1), 1)
        assertThat(out[0]).containsExactly(-1f, 0.5f, 1f, -1f);
    }

    @Test
    void should_compute_the_global_norm_over_all_gradients() {
        assertThat(run(List.of(GradientClipping.globalNorm(tf, gradients())))[0][0])
                .isCloseTo(13f, within(1e-6f));
    }

    @Test
    void should_rescale_all_gradients_together_when_the_global_norm_is_too_large() {
        // when: clip_norm 6.5, so the scale is 6.5 / max(13, 6.5) = 0.5
        float[][] out = run(GradientClipping.byGlobalNorm(tf, gradients(), 6.5f));
        // then
        assertThat(out[0]).containsExactly(new float[] {1.5f, 2f}, within(1e-6f));
        assertThat(out[1]).containsExactly(new float[] {6f}, within(1e-6f));
    }

    @Test
    void should_leave_gradients_below_the_clip_norm_unchanged() {
        // when: 20 / max(13, 20) = 1
        float[][] out = run(GradientClipping.byGlobalNorm(tf, gradients(), 20f));
        // then
        assertThat(out[0]).containsExactly(3f, 4f);
        assertThat(out[1]).containsExactly(12f);
    }

    @Test
    void should_pass_zero_gradients_through_without_dividing_by_zero() {
        float[][] out =
                run(
                        GradientClipping.byGlobalNorm(
                                tf, List.of(tf.constant(new float[] {0f, 0f})), 1f));
        assertThat(out[0]).containsExactly(0f, 0f);
    }

    @Test
    void should_reject_a_clip_that_is_not_positive() {
        assertThatThrownBy(() -> GradientClipping.byValue(tf, gradients(), 0f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clip must be > 0 and finite, got 0.0");
        assertThatThrownBy(() -> GradientClipping.byGlobalNorm(tf, gradients(), -1f))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("clipNorm must be > 0 and finite, got -1.0");
    }
}
