package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestOptimizersTest {
    @Test
    void should_step_gradient_descent_by_the_learning_rate_times_the_gradient() {
        // given: w = [1, -2], b = [0.5] and gradients [2, 4], [-1]
        Map<String, float[]> initial = new LinkedHashMap<>();
        initial.put("w", new float[] {1f, -2f});
        initial.put("b", new float[] {0.5f});
        try (OptimizerHarness h =
                OptimizerHarness.withFedGradients(TestOptimizers.gradientDescent(), initial)) {
            // when: two steps with alpha = 0.1
            h.step(0.1f, new float[] {2f, 4f}, new float[] {-1f});
            h.step(0.1f, new float[] {2f, 4f}, new float[] {-1f});
            // then: by hand, w = [1 - 2 * 0.2, -2 - 2 * 0.4] = [0.6, -2.8], b = 0.5 + 2 * 0.1 = 0.7
            assertThat(h.floats("w")).containsExactly(new float[] {0.6f, -2.8f}, within(1e-6f));
            assertThat(h.floats("b")).containsExactly(new float[] {0.7f}, within(1e-6f));
            assertThat(h.stateVariables()).isEmpty();
        }
        assertThat(TestOptimizers.gradientDescent().name()).isEqualTo("test_gd");
        assertThat(TestOptimizers.gradientDescent().config()).isEmpty();
    }

    @Test
    void should_step_rms_prop_by_the_gradient_over_the_root_of_its_running_square() {
        // given: w = [1, -2], b = [0.5] and gradients [2, 4], [-1]
        Map<String, float[]> initial = new LinkedHashMap<>();
        initial.put("w", new float[] {1f, -2f});
        initial.put("b", new float[] {0.5f});
        try (OptimizerHarness h =
                OptimizerHarness.withFedGradients(TestOptimizers.rmsProp("adam"), initial)) {
            // when: two steps with alpha = 0.1
            h.step(0.1f, new float[] {2f, 4f}, new float[] {-1f});
            h.step(0.1f, new float[] {2f, 4f}, new float[] {-1f});
            // then: by hand, v = 0.1 g^2 = [0.4, 1.6], [0.1], so the first step is
            // 0.1 g / sqrt(v) = +-0.316228 each; then v = 0.9 v + 0.1 g^2 = [0.76, 3.04], [0.19]
            // and the second step 0.1 g / sqrt(v) = +-0.229416 each
            assertThat(h.floats("w"))
                    .containsExactly(new float[] {0.454356f, -2.545644f}, within(1e-5f));
            assertThat(h.floats("b")).containsExactly(new float[] {1.045644f}, within(1e-5f));
            assertThat(h.floats("w_v")).containsExactly(new float[] {0.76f, 3.04f}, within(1e-5f));
            assertThat(h.floats("b_v")).containsExactly(new float[] {0.19f}, within(1e-6f));
        }
        assertThat(TestOptimizers.rmsProp("adam").name()).isEqualTo("adam");
        assertThat(TestOptimizers.rmsProp("adam").config()).isEmpty();
    }

    @Test
    void should_answer_every_name_with_the_one_optimizer() {
        // given
        var rmsProp = TestOptimizers.rmsProp("adam");
        // when
        var optimizers = TestOptimizers.only(rmsProp);
        // then
        assertThat(optimizers.names()).containsExactly("adam");
        assertThat(optimizers.create("adam", Map.of())).isSameAs(rmsProp);
        assertThat(optimizers.create("sgd", Map.of("beta", 0.9))).isSameAs(rmsProp);
    }
}
