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

class RmsPropOptimizerTest implements OptimizerContract {
    @Override
    public OptimizerProvider provider() {
        return new RmsPropProvider();
    }

    private static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    @Test
    void should_take_one_step_scaled_by_the_root_mean_square() {
        try (OptimizerHarness h = TwoVariables.harness(new RmsPropOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            // then: S = 0.999 * 0 + 0.001 * dW^2; W := W - 0.1 * dW / (sqrt(S) + 1e-8)
            float s0 = 0.999f * 0 + 0.001f * (0.5f * 0.5f);
            float s1 = 0.999f * 0 + 0.001f * (-1f * -1f);
            float sb = 0.999f * 0 + 0.001f * (0.2f * 0.2f);
            assertAllClose(h.floats("w_rms"), new float[] {s0, s1}, 1e-7);
            assertAllClose(
                    h.floats("w"),
                    new float[] {
                        W0 - LR * 0.5f / (sqrt(s0) + 1e-8f), W1 - LR * -1f / (sqrt(s1) + 1e-8f)
                    },
                    1e-6);
            assertAllClose(h.floats("b"), new float[] {B - LR * 0.2f / (sqrt(sb) + 1e-8f)}, 1e-6);
            // golden: the first step is alpha / sqrt(0.001) = 3.1622777 against the sign of dW
            // (to float32 rounding of 0.001, about 1e-6)
            assertAllClose(h.floats("w"), new float[] {1f - 3.1622777f, -2f + 3.1622777f}, 1e-5);
        }
    }

    @Test
    void should_take_three_steps_with_changing_gradients() {
        try (OptimizerHarness h = TwoVariables.harness(new RmsPropOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            h.step(LR, new float[] {0.3f, -0.4f}, new float[] {-0.1f});
            h.step(LR, new float[] {-0.2f, 0.6f}, new float[] {0.4f});
            // then, for w[0]:
            float s1 = 0.001f * (0.5f * 0.5f);
            float s2 = 0.999f * s1 + 0.001f * (0.3f * 0.3f);
            float s3 = 0.999f * s2 + 0.001f * (-0.2f * -0.2f);
            float w = W0;
            w -= LR * 0.5f / (sqrt(s1) + 1e-8f);
            w -= LR * 0.3f / (sqrt(s2) + 1e-8f);
            w -= LR * -0.2f / (sqrt(s3) + 1e-8f);
            assertAllClose(new float[] {h.floats("w_rms")[0]}, new float[] {s3}, 1e-9);
            assertAllClose(new float[] {h.floats("w")[0]}, new float[] {w}, 1e-6);
            // and for b:
            float t1 = 0.001f * (0.2f * 0.2f);
            float t2 = 0.999f * t1 + 0.001f * (-0.1f * -0.1f);
            float t3 = 0.999f * t2 + 0.001f * (0.4f * 0.4f);
            float b = B - LR * 0.2f / (sqrt(t1) + 1e-8f);
            b -= LR * -0.1f / (sqrt(t2) + 1e-8f);
            b -= LR * 0.4f / (sqrt(t3) + 1e-8f);
            assertAllClose(h.floats("b"), new float[] {b}, 1e-6);
        }
    }

    @Test
    void should_not_move_on_a_zero_gradient_thanks_to_epsilon() {
        try (OptimizerHarness h = TwoVariables.harness(new RmsPropOptimizer())) {
            h.step(LR, new float[] {0f, 0f}, new float[] {0f});
            assertAllClose(h.floats("w"), new float[] {W0, W1}, 0);
        }
    }

    @Test
    void should_keep_one_non_trainable_average_per_variable() {
        try (OptimizerHarness h = TwoVariables.harness(new RmsPropOptimizer())) {
            assertThat(h.stateVariables())
                    .extracting(WeightVariable::name)
                    .containsExactly("w_rms", "b_rms");
        }
    }

    @Test
    void should_round_trip_its_config_with_the_notes_defaults() {
        Optimizer r = provider().create(Map.of());
        assertThat(r.config())
                .containsExactly(Map.entry("beta", 0.999), Map.entry("epsilon", 1e-8));
        assertThat(provider().create(Map.of("beta", 0.9)))
                .isEqualTo(new RmsPropOptimizer(0.9, 1e-8));
        assertThat(provider().create(r.config())).isEqualTo(r);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "beta    | 1.5      | rmsprop: beta must be in [0, 1), got 1.5",
                "beta    | NaN      | rmsprop: beta must be in [0, 1), got NaN",
                "epsilon | 0        | rmsprop: epsilon must be > 0 and finite, got 0.0",
                "epsilon | Infinity | rmsprop: epsilon must be > 0 and finite, got Infinity",
                "rho     | 0.9      | rmsprop: unknown key 'rho'; known keys: beta, epsilon",
            })
    void should_reject_a_bad_config_with_a_message_naming_key_and_range(
            String key, String value, String message) {
        assertThatThrownBy(() -> provider().create(Map.of(key, value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
