package io.dlkit.plugins.detector.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.train.Objective;
import io.dlkit.testkit.ObjectiveContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalizationObjectiveTest implements ObjectiveContract {
    @Override
    public Objective objective() {
        return new LocalizationObjective();
    }

    @Override
    public int outputWidth() {
        return 8; // p_c, 4 box numbers, 3 classes
    }

    @Test
    void should_give_the_hand_computed_loss_of_the_notes() {
        // given: two images, two classes. Image 1 holds an object (p_c = 1), image 2 none (its
        // other components are arbitrary and must be ignored). By hand:
        //   image 1: pc (0.8 - 1)^2 = 0.04, box 0.1^2 + 0 + 0.1^2 + 0 = 0.02,
        //            classes 0.5^2 + 0.5^2 = 0.5
        //   image 2: pc (0.3 - 0)^2 = 0.09, box and classes ignored
        //   means: pc 0.065, box 0.01, classes 0.25, loss 0.325
        float[] y = {1, 0.5f, 0.5f, 0.2f, 0.4f, 0, 1, 0, 0.3f, 0.3f, 0.3f, 0.3f, 1, 0};
        float[] yHat = {
            0.8f, 0.6f, 0.5f, 0.1f, 0.4f, 0.5f, 0.5f, 0.3f, 0.9f, 0.1f, 0.9f, 0.9f, 2, 2
        };
        // when
        double[] v = HeadLossRunner.evaluate(objective(), yHat, y, 2, Map.of());
        // then
        assertThat(v).containsExactly(new double[] {0.325, 0.065, 0.01, 0.25}, within(1e-6));
    }

    @Test
    void should_be_zero_without_an_object_when_p_c_is_predicted_zero() {
        float[] y = {0, 0, 0, 0, 0, 0, 0};
        float[] yHat = {0, 5, -5, 3, 3, 7, -7};
        assertThat(HeadLossRunner.evaluate(objective(), yHat, y, 1, Map.of())[0])
                .isCloseTo(0, within(1e-9));
    }

    @Test
    void should_reject_an_output_without_a_class_column() {
        assertThatThrownBy(
                        () ->
                                HeadLossRunner.evaluate(
                                        objective(), new float[5], new float[5], 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[batch, 5 + classes]");
    }
}
