package io.dlkit.plugins.optimizers;

import static io.dlkit.plugins.optimizers.TwoVariables.B;
import static io.dlkit.plugins.optimizers.TwoVariables.LR;
import static io.dlkit.plugins.optimizers.TwoVariables.W0;
import static io.dlkit.plugins.optimizers.TwoVariables.W1;
import static io.dlkit.testkit.TensorAsserts.assertAllClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.testkit.OptimizerContract;
import io.dlkit.testkit.OptimizerHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

class AdamOptimizerTest implements OptimizerContract {
    @Override
    public OptimizerProvider provider() {
        return new AdamProvider();
    }

    /** The contract runs with non-default hyperparameters, so their round trip is checked too. */
    @Override
    public Map<String, Object> config() {
        return Map.of("beta1", 0.8, "beta2", 0.99, "epsilon", 1e-7);
    }

    private static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    @Test
    void should_take_one_bias_corrected_step() {
        try (OptimizerHarness h = TwoVariables.harness(new AdamOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            // then, t = 1, for w[0] (dW = 0.5):
            float m = 0.9f * 0 + 0.1f * 0.5f;
            float v = 0.999f * 0 + 0.001f * (0.5f * 0.5f);
            float mHat = m / (1 - 0.9f);
            float vHat = v / (1 - 0.999f);
            float w = W0 - LR * mHat / (sqrt(vHat) + 1e-8f);
            assertAllClose(new float[] {h.floats("w_m")[0]}, new float[] {m}, 1e-7);
            // ApplyAdam weighs by 1 - (float) 0.999 = 0.00099998713, not 0.001: 1.3e-5 relative
            assertAllClose(new float[] {h.floats("w_v")[0]}, new float[] {v}, 1e-8);
            assertAllClose(new float[] {h.floats("w")[0]}, new float[] {w}, 1e-6);
            // golden: bias correction makes the first step alpha * dW / |dW|, whatever dW is
            assertAllClose(h.floats("w"), new float[] {W0 - 0.1f, W1 + 0.1f}, 1e-6);
            assertAllClose(h.floats("b"), new float[] {B - 0.1f}, 1e-6);
            assertThat(h.longScalar("adam_t")).isEqualTo(1);
        }
    }

    @Test
    void should_take_three_steps_with_changing_gradients() {
        // given: each step's gradients of w (2 elements) and b (1)
        float[][] dw = {{0.5f, -1f}, {0.3f, -0.4f}, {-0.2f, 0.6f}};
        float[][] db = {{0.2f}, {-0.1f}, {0.4f}};
        try (OptimizerHarness h = TwoVariables.harness(new AdamOptimizer())) {
            // when
            for (int t = 0; t < 3; t++) h.step(LR, dw[t], db[t]);
            // then: every element of w, b and their moments follows the notes' update, t = 1, 2, 3,
            // to float precision: the fused ApplyAdam weighs v by 1 - (float) 0.999 = 0.00099998713
            // where this uses 0.001f, 1.3e-5 relative, and rounds its lr_t differently
            Moments w = Moments.afterSteps(new float[] {W0, W1}, dw);
            Moments b = Moments.afterSteps(new float[] {B}, db);
            assertAllClose(h.floats("w_m"), w.m, 1e-7);
            assertAllClose(h.floats("w_v"), w.v, 5e-8);
            assertAllClose(h.floats("w"), w.value, 1e-5);
            assertAllClose(h.floats("b_m"), b.m, 1e-7);
            assertAllClose(h.floats("b_v"), b.v, 5e-8);
            assertAllClose(h.floats("b"), b.value, 1e-5);
            // the counter went up once per step, not once per variable
            assertThat(h.longScalar("adam_t")).isEqualTo(3);
        }
    }

    /**
     * Adam by hand, element by element, with the defaults beta1 = 0.9, beta2 = 0.999, eps = 1e-8:
     * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g^2; w -= lr (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) +
     * eps)}.
     */
    private record Moments(float[] m, float[] v, float[] value) {
        static Moments afterSteps(float[] start, float[][] gradients) {
            int n = start.length;
            float[] m = new float[n];
            float[] v = new float[n];
            float[] w = start.clone();
            float b1t = 1;
            float b2t = 1;
            for (float[] g : gradients) {
                b1t *= 0.9f;
                b2t *= 0.999f;
                for (int i = 0; i < n; i++) {
                    m[i] = 0.9f * m[i] + 0.1f * g[i];
                    v[i] = 0.999f * v[i] + 0.001f * (g[i] * g[i]);
                    w[i] -= LR * (m[i] / (1 - b1t)) / (sqrt(v[i] / (1 - b2t)) + 1e-8f);
                }
            }
            return new Moments(m, v, w);
        }
    }

    @Test
    void should_step_by_exactly_the_learning_rate_under_a_constant_gradient() {
        try (OptimizerHarness h = TwoVariables.harness(new AdamOptimizer())) {
            // when: dW = [3, -0.01], db = 7, three times
            for (int i = 0; i < 3; i++) {
                h.step(LR, new float[] {3f, -0.01f}, new float[] {7f});
            }
            // then: m_hat = dW and v_hat = dW^2 on every step, so each step is alpha * sign(dW)
            assertAllClose(h.floats("w"), new float[] {W0 - 0.3f, W1 + 0.3f}, 1e-5);
            assertAllClose(h.floats("b"), new float[] {B - 0.3f}, 1e-5);
        }
    }

    @Test
    void should_not_move_on_a_zero_gradient_thanks_to_epsilon() {
        try (OptimizerHarness h = TwoVariables.harness(new AdamOptimizer())) {
            h.step(LR, new float[] {0f, 0f}, new float[] {0f});
            assertAllClose(h.floats("w"), new float[] {W0, W1}, 0);
        }
    }

    @Test
    void should_keep_moments_per_variable_and_one_step_counter() {
        try (OptimizerHarness h = TwoVariables.harness(new AdamOptimizer())) {
            assertThat(h.stateVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("adam_t", "w_m", "w_v", "b_m", "b_v");
            assertThat(h.stateVariables()).noneMatch(WeightVariable::trainable);
            assertThat(h.longScalar("adam_t")).isZero();
        }
    }

    @Test
    void should_give_a_second_adam_in_the_same_graph_its_own_counter() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            WeightVariable<TFloat32> a = g.variable("a", g.tf().constant(new float[] {1f}), true);
            WeightVariable<TFloat32> b = g.variable("b", g.tf().constant(new float[] {1f}), true);
            Operand<TFloat32> grad = g.tf().constant(new float[] {1f});
            Operand<TFloat32> lr = g.tf().constant(0.1f);
            // when
            new AdamOptimizer().applyGradients(g, List.of(a), List.of(grad), lr);
            new AdamOptimizer().applyGradients(g, List.of(b), List.of(grad), lr);
            // then
            assertThat(g.variables())
                    .extracting(WeightVariable::name)
                    .containsExactly("a", "b", "adam_t", "a_m", "a_v", "adam_t_2", "b_m", "b_v");
        }
    }

    @Test
    void should_round_trip_its_config_with_the_notes_defaults() {
        Optimizer adam = provider().create(Map.of());
        assertThat(adam.config())
                .containsExactly(
                        Map.entry("beta1", 0.9),
                        Map.entry("beta2", 0.999),
                        Map.entry("epsilon", 1e-8));
        assertThat(provider().create(adam.config())).isEqualTo(adam).isEqualTo(new AdamOptimizer());
        assertThat(provider().create(Map.of("beta1", 0.5, "epsilon", "1e-6")))
                .isEqualTo(new AdamOptimizer(0.5, 0.999, 1e-6));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "beta1   | 1.5  | adam: beta1 must be in [0, 1), got 1.5",
                "beta1   | 1    | adam: beta1 must be in [0, 1), got 1.0",
                "beta2   | -0.1 | adam: beta2 must be in [0, 1), got -0.1",
                "epsilon | -1   | adam: epsilon must be > 0 and finite, got -1.0",
                "beta1   | high | adam: beta1 must be a number, got 'high'",
                "beta3   | 0.9  | adam: unknown key 'beta3'; known keys: beta1, beta2, epsilon",
                "learning_rate | 0.1 | adam: unknown key 'learning_rate'; known keys: beta1, beta2, epsilon",
            })
    void should_reject_a_bad_config_with_a_message_naming_key_and_range(
            String key, String value, String message) {
        assertThatThrownBy(() -> provider().create(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void should_check_the_range_when_built_from_java_too() {
        assertThatThrownBy(() -> new AdamOptimizer(1.5, 0.999, 1e-8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adam: beta1 must be in [0, 1), got 1.5");
    }
}
