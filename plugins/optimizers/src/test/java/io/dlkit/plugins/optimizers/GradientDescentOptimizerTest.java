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
import io.dlkit.testkit.OptimizerContract;
import io.dlkit.testkit.OptimizerHarness;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;

class GradientDescentOptimizerTest implements OptimizerContract {
    @Override
    public OptimizerProvider provider() {
        return new GradientDescentProvider();
    }

    @Test
    void should_step_against_the_gradient_scaled_by_the_learning_rate() {
        try (OptimizerHarness h = TwoVariables.harness(new GradientDescentOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            // then: W := W - alpha * dW
            assertAllClose(h.floats("w"), new float[] {W0 - 0.1f * 0.5f, W1 - 0.1f * -1f}, 1e-7);
            assertAllClose(h.floats("w"), new float[] {0.95f, -1.9f}, 1e-7);
            assertAllClose(h.floats("b"), new float[] {B - 0.1f * 0.2f}, 1e-7);
            assertThat(h.stateVariables()).isEmpty();
        }
    }

    @Test
    void should_take_three_steps_with_changing_gradients() {
        try (OptimizerHarness h = TwoVariables.harness(new GradientDescentOptimizer())) {
            // when
            h.step(LR, new float[] {0.5f, -1f}, new float[] {0.2f});
            h.step(LR, new float[] {0.3f, -0.4f}, new float[] {-0.1f});
            h.step(LR, new float[] {-0.2f, 0.6f}, new float[] {0.4f});
            // then: w0 = 1 - 0.1*(0.5 + 0.3 - 0.2), w1 = -2 - 0.1*(-1 - 0.4 + 0.6), b = 0.5 -
            // 0.1*0.5
            assertAllClose(h.floats("w"), new float[] {0.94f, -1.92f}, 1e-6);
            assertAllClose(h.floats("b"), new float[] {0.45f}, 1e-6);
        }
    }

    @Test
    void should_have_an_empty_config_and_reject_any_key() {
        assertThat(new GradientDescentOptimizer().config()).isEmpty();
        assertThat(provider().create(Map.of())).isEqualTo(new GradientDescentOptimizer());
        assertThatThrownBy(() -> provider().create(Map.of("momentum", 0.9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gd: unknown key 'momentum'; gd takes no keys");
    }

    @Test
    void should_reject_a_gradient_list_that_does_not_match_the_variables() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            WeightVariable<TFloat32> w = g.variable("w", g.tf().constant(new float[] {1f}), true);
            GradientDescentOptimizer gd = new GradientDescentOptimizer();
            // when / then
            assertThatThrownBy(
                            () ->
                                    gd.applyGradients(
                                            g, List.of(w), List.of(), g.tf().constant(0.1f)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "gd: got 1 variables but 0 gradients; pass one gradient per variable,"
                                    + " in the same order");
        }
    }
}
