package io.dlkit.testkit;

import static io.dlkit.testkit.TensorAsserts.assertAllFinite;
import static io.dlkit.testkit.TensorAsserts.assertNotAllEqual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.extension.OptimizerProvider;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.train.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OptimizerProvider}, dlkit's and third-party, must do. Implement it in a test
 * class and return your provider:
 *
 * <pre>{@code
 * class SignSgdOptimizerTest implements OptimizerContract {
 *     public OptimizerProvider provider() { return new SignSgdOptimizer.Provider(); }
 * }
 * }</pre>
 *
 * <p>The checks: a snake_case name shared by provider and optimizer; a config that recreates an
 * optimizer taking the same steps; the loss of a small convex quadratic (see {@link
 * OptimizerHarness#quadratic}) falls by at least a quarter over 50 steps; an unknown config key is
 * rejected by name; the learning rate is the fed one; state variables are non-trainable and
 * flat-named {@code <variable>_<slot>} or {@code <optimizer>_<name>}. Override {@link #config()} to
 * test non-default hyperparameters and {@link #learningRate()} if 0.01 does not suit your rule.
 */
public interface OptimizerContract {
    /** The provider under test. */
    OptimizerProvider provider();

    /** The config the tests create the optimizer from; empty (all defaults) unless overridden. */
    default Map<String, Object> config() {
        return Map.of();
    }

    /** The learning rate the tests feed. */
    default float learningRate() {
        return 0.01f;
    }

    private Optimizer optimizer() {
        return provider().create(config());
    }

    @Test
    default void should_share_a_snake_case_name_with_its_optimizer_and_describe_it() {
        // given
        OptimizerProvider provider = provider();
        // when
        Optimizer optimizer = optimizer();
        // then
        assertThat(provider.name()).matches("[a-z][a-z0-9_]*");
        assertThat(optimizer.name()).isEqualTo(provider.name());
        assertThat(provider.description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    default void should_recreate_an_optimizer_taking_the_same_steps_from_its_config() {
        // given
        Optimizer original = optimizer();
        // when
        Optimizer recreated = provider().create(original.config());
        // then
        assertThat(recreated.config()).isEqualTo(original.config());
        assertThat(recreated.config().keySet()).allMatch(k -> k.matches("[a-z][a-z0-9_]*"));
        assertThat(threeQuadraticSteps(recreated)).isEqualTo(threeQuadraticSteps(original));
    }

    private Map<String, List<Float>> threeQuadraticSteps(Optimizer optimizer) {
        try (OptimizerHarness h = OptimizerHarness.quadratic(optimizer)) {
            for (int i = 0; i < 3; i++) {
                h.step(learningRate());
            }
            Map<String, List<Float>> values = new LinkedHashMap<>();
            h.trainableValues().forEach((k, v) -> values.put(k, boxed(v)));
            return values;
        }
    }

    private static List<Float> boxed(float[] values) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return List.of(out);
    }

    @Test
    default void should_reduce_the_loss_of_a_convex_quadratic_over_50_steps() {
        try (OptimizerHarness h = OptimizerHarness.quadratic(optimizer())) {
            // given
            float initial = h.loss();
            // when
            for (int i = 0; i < 50; i++) {
                h.step(learningRate());
            }
            // then
            float last = h.loss();
            assertThat(last)
                    .as("loss after 50 steps at rate %s, from %s", learningRate(), initial)
                    .isLessThan(0.75f * initial);
            h.trainableValues().values().forEach(TensorAsserts::assertAllFinite);
        }
    }

    @Test
    default void should_reject_an_unknown_config_key_naming_it() {
        assertThatThrownBy(() -> provider().create(Map.of("no_such_key", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_such_key")
                .hasMessageNotContaining("\n");
    }

    @Test
    default void should_step_by_the_fed_learning_rate() {
        try (OptimizerHarness h = OptimizerHarness.quadratic(optimizer())) {
            // given
            float[] start = h.floats("kernel");
            // when: a step with the rate, then one with a fed rate of zero
            h.step(learningRate());
            float[] afterStep = h.floats("kernel");
            h.step(0f);
            float[] afterZeroStep = h.floats("kernel");
            // then
            assertNotAllEqual(start, afterStep, "kernel after a step");
            assertThat(afterZeroStep).as("kernel after a step at rate 0").isEqualTo(afterStep);
        }
        // and a larger fed rate takes a different first step
        try (OptimizerHarness small = OptimizerHarness.quadratic(optimizer());
                OptimizerHarness large = OptimizerHarness.quadratic(optimizer())) {
            small.step(learningRate());
            large.step(2 * learningRate());
            assertAllFinite(large.floats("kernel"));
            assertNotAllEqual(
                    small.floats("kernel"), large.floats("kernel"), "kernel at two rates");
        }
    }

    @Test
    default void should_keep_its_state_in_non_trainable_flat_named_variables() {
        try (OptimizerHarness h = OptimizerHarness.quadratic(optimizer())) {
            // when
            h.step(learningRate());
            // then
            List<String> trainable =
                    h.graph().trainableVariables().stream().map(WeightVariable::name).toList();
            assertThat(trainable)
                    .as("trainable variables after applyGradients")
                    .isEqualTo(OptimizerHarness.QUADRATIC_VARIABLES);
            for (WeightVariable<?> state : h.stateVariables()) {
                assertThat(state.trainable()).as("%s is trainable", state.name()).isFalse();
                assertThat(state.name())
                        .as("state variable name")
                        .matches("(kernel|bias|" + provider().name() + ")_[A-Za-z0-9_.\\-]+");
            }
        }
    }
}
