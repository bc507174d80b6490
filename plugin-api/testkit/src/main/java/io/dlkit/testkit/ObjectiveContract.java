package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.train.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every training objective, dlkit's and third-party, must do. Implement it in a test class:
 *
 * <pre>{@code
 * class FocalLossTest implements ObjectiveContract {
 *     public Objective objective() { return new FocalLoss(); }
 *     public int outputWidth() { return 1; }
 * }
 * }</pre>
 *
 * <p>The checks: a snake_case id and a one-line description; the metrics it builds are the ones it
 * declares, in order; the loss is a finite scalar, lower when the outputs agree with the targets
 * than when they disagree; its gradient with respect to the logits agrees with central finite
 * differences ({@link ObjectiveHarness}).
 */
public interface ObjectiveContract {
    /** The objective under test. */
    Objective objective();

    /** The model's output width ({@code [batch, width]}) the objective is tested on. */
    int outputWidth();

    @Test
    default void should_have_a_snake_case_id_and_a_one_line_description() {
        assertThat(objective().id()).matches("[a-z][a-z0-9_]*");
        assertThat(objective().description()).isNotBlank().doesNotContain("\n");
    }

    @Test
    default void should_build_exactly_the_metrics_it_declares() {
        try (ObjectiveHarness h = ObjectiveHarness.of(objective(), outputWidth(), 4, 3)) {
            assertThat(h.metricNames()).containsExactlyElementsOf(objective().metricNames());
            for (double m : h.metrics(h.randomLogits(new Random(5)))) assertThat(m).isFinite();
        }
    }

    @Test
    default void should_be_lower_for_outputs_that_agree_with_the_targets() {
        try (ObjectiveHarness h = ObjectiveHarness.of(objective(), outputWidth(), 4, 3)) {
            double right = h.loss(h.logitsAgreeing(3));
            double wrong = h.loss(h.logitsAgreeing(-3));
            assertThat(right).isFinite().isLessThan(wrong);
        }
    }

    @Test
    default void should_have_a_gradient_that_matches_finite_differences() {
        try (ObjectiveHarness h = ObjectiveHarness.of(objective(), outputWidth(), 4, 3)) {
            h.checkGradient(h.randomLogits(new Random(7)), 0.02);
        }
    }
}
