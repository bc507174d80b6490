package io.dlkit.plugins.optimizers;

import static io.dlkit.plugins.optimizers.TwoVariables.B;
import static io.dlkit.plugins.optimizers.TwoVariables.LR;
import static io.dlkit.plugins.optimizers.TwoVariables.W0;
import static io.dlkit.plugins.optimizers.TwoVariables.W1;
import static io.dlkit.testkit.TensorAsserts.assertAllClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.testkit.OptimizerContract;
import io.dlkit.testkit.OptimizerHarness;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MomentumOptimizerTest implements OptimizerContract {
    @Override
    public OptimizerProvider provider() {
        return new MomentumProvider();
    }

    @Test
    void should_take_one_step_along_the_averaged_gradient() {
        try (OptimizerHarness h = TwoVariables.harness(new MomentumOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            // then: v = 0.9 * 0 + 0.1 * dW; W := W - 0.1 * v
            float v0 = 0.9f * 0 + 0.1f * 0.5f;
            float v1 = 0.9f * 0 + 0.1f * -1f;
            float vb = 0.9f * 0 + 0.1f * 0.2f;
            assertAllClose(h.floats("w_momentum"), new float[] {v0, v1}, 1e-7);
            assertAllClose(h.floats("w"), new float[] {W0 - LR * v0, W1 - LR * v1}, 1e-7);
            assertAllClose(h.floats("w"), new float[] {0.995f, -1.99f}, 1e-7);
            assertAllClose(h.floats("b"), new float[] {B - LR * vb}, 1e-7);
        }
    }

    @Test
    void should_take_three_steps_with_changing_gradients() {
        try (OptimizerHarness h = TwoVariables.harness(new MomentumOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            h.step(LR, new float[] {0.3f, -0.4f}, new float[] {-0.1f});
            h.step(LR, new float[] {-0.2f, 0.6f}, new float[] {0.4f});
            // then
            float a1 = 0.1f * 0.5f, a2 = 0.9f * a1 + 0.1f * 0.3f, a3 = 0.9f * a2 + 0.1f * -0.2f;
            float c1 = 0.1f * -1f, c2 = 0.9f * c1 + 0.1f * -0.4f, c3 = 0.9f * c2 + 0.1f * 0.6f;
            float b1 = 0.1f * 0.2f, b2 = 0.9f * b1 + 0.1f * -0.1f, b3 = 0.9f * b2 + 0.1f * 0.4f;
            assertAllClose(h.floats("w_momentum"), new float[] {a3, c3}, 1e-6);
            assertAllClose(
                    h.floats("w"),
                    new float[] {W0 - LR * (a1 + a2 + a3), W1 - LR * (c1 + c2 + c3)},
                    1e-6);
            // golden, by hand: w0 = 1 - 0.1 * (0.05 + 0.075 + 0.0475)
            assertAllClose(h.floats("w"), new float[] {0.98275f, -1.9713f}, 1e-6);
            assertAllClose(h.floats("b"), new float[] {B - LR * (b1 + b2 + b3)}, 1e-6);
            assertAllClose(h.floats("b"), new float[] {0.49248f}, 1e-6);
        }
    }

    @Test
    void should_build_up_velocity_under_a_constant_gradient() {
        try (OptimizerHarness h = TwoVariables.harness(new MomentumOptimizer())) {
            // when: dW = 1 three times
            for (int i = 0; i < 3; i++) {
                h.step(LR, new float[] {1f, 1f}, new float[] {1f});
            }
            // then: v_t = 1 - 0.9^t = 0.1, 0.19, 0.271, so W drops by 0.1 * 0.561
            assertAllClose(h.floats("w_momentum"), new float[] {0.271f, 0.271f}, 1e-6);
            assertAllClose(h.floats("w"), new float[] {1f - 0.0561f, -2f - 0.0561f}, 1e-6);
        }
    }

    @Test
    void should_equal_gradient_descent_when_beta_is_zero() {
        float[] momentumW;
        try (OptimizerHarness h = TwoVariables.harness(new MomentumOptimizer(0))) {
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            h.step(LR, new float[] {0.3f, -0.4f}, new float[] {-0.1f});
            momentumW = h.floats("w");
        }
        try (OptimizerHarness h = TwoVariables.harness(new GradientDescentOptimizer())) {
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            h.step(LR, new float[] {0.3f, -0.4f}, new float[] {-0.1f});
            assertAllClose(momentumW, h.floats("w"), 1e-7);
        }
    }

    @Test
    void should_keep_one_non_trainable_velocity_per_variable() {
        try (OptimizerHarness h = TwoVariables.harness(new MomentumOptimizer())) {
            assertThat(h.stateVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("w_momentum", "b_momentum");
            assertThat(h.stateVariables()).noneMatch(WeightVariable::trainable);
        }
    }

    @Test
    void should_round_trip_its_config_with_defaults() {
        Optimizer m = provider().create(Map.of());
        assertThat(m.config()).containsExactly(Map.entry("beta", 0.9));
        assertThat(provider().create(Map.of("beta", "0.8"))).isEqualTo(new MomentumOptimizer(0.8));
        assertThat(provider().create(m.config())).isEqualTo(m);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "beta | 1.0  | momentum: beta must be in [0, 1), got 1.0",
                "beta | -0.5 | momentum: beta must be in [0, 1), got -0.5",
                "beta | fast | momentum: beta must be a number, got 'fast'",
                "rho  | 0.9  | momentum: unknown key 'rho'; known keys: beta",
            })
    void should_reject_a_bad_config_with_a_message_naming_key_and_range(
            String key, String value, String message) {
        assertThatThrownBy(() -> provider().create(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
