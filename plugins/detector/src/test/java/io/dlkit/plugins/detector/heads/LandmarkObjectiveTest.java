package io.dlkit.plugins.detector.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.train.Objective;
import io.dlkit.testkit.ObjectiveContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LandmarkObjectiveTest implements ObjectiveContract {
    // two images, k = 2 landmarks (x1, y1, x2, y2)
    static final float[] PREDICTED = {0.1f, 0.2f, 0.5f, 0.5f, 0, 0, 0, 0};
    static final float[] TRUTH = {0.2f, 0.2f, 0.9f, 0.8f, 0.3f, 0.4f, 0, 0};

    @Override
    public Objective objective() {
        return new LandmarkObjective();
    }

    @Override
    public int outputWidth() {
        return 6;
    }

    @Test
    void should_give_the_hand_computed_squared_error() {
        // image 1: 0.1^2 + 0 + 0.4^2 + 0.3^2 = 0.26; image 2: 0.3^2 + 0.4^2 = 0.25; mean 0.255
        double[] v = HeadLossRunner.evaluate(objective(), PREDICTED, TRUTH, 2, Map.of());
        assertThat(v[0]).isCloseTo(0.255, within(1e-6));
    }

    @Test
    void should_count_only_visible_landmarks_when_masked() {
        // image 1 sees landmark 1 only: 0.01; image 2 sees both: 0.25; mean 0.13
        float[] visible = {1, 0, 1, 1};
        double[] v =
                HeadLossRunner.evaluate(
                        LandmarkObjective.masked(2),
                        PREDICTED,
                        TRUTH,
                        2,
                        Map.of(LandmarkObjective.VISIBLE, visible));
        assertThat(v[0]).isCloseTo(0.13, within(1e-6));
        assertThat(LandmarkObjective.masked(2).targetShapes().get(LandmarkObjective.VISIBLE))
                .containsExactly(2);
    }
}
