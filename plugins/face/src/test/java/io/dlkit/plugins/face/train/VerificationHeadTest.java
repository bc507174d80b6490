package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DeepFace's head: the features by hand, then learning to tell pairs apart on synthetic data. */
class VerificationHeadTest {
    @Test
    void should_compute_the_abs_and_chi_square_features_as_written() {
        // |0.5 - 0.2| = 0.3; (0.5 - 0.2)^2 / (0.5 + 0.2) = 0.09 / 0.7 = 0.128571...
        assertThat(VerificationHead.feature(VerificationHead.Distance.ABS, 0.5, 0.2))
                .isCloseTo(0.3, within(1e-12));
        assertThat(VerificationHead.feature(VerificationHead.Distance.CHI_SQUARE, 0.5, 0.2))
                .isCloseTo(0.09 / 0.7, within(1e-5));
    }

    @Test
    void should_output_sigmoid_of_the_weighted_features_plus_bias_at_start() {
        // zero weights and bias: sigmoid(0) = 0.5 for any pair
        HeadTraining spec = new HeadTraining("x", VerificationHead.Distance.ABS, 3, 2, 1);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            TrainingGraph tg = spec.graph(g, new AdamOptimizer());
            float[] p = Embeddings.run(g, tg, new float[] {1, 2, 3, 0, 0, 0}, 1);
            assertThat(p[0]).isCloseTo(0.5f, within(1e-6f));
        }
    }

    @Test
    void should_learn_to_tell_same_from_different_pairs_with_either_distance() {
        for (VerificationHead.Distance d : VerificationHead.Distance.values()) {
            // given: 6 identities, each a random non-negative centre; images = centre + small noise
            Random r = new Random(5);
            List<List<float[]>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                float[] c = new float[8];
                for (int k = 0; k < 8; k++) c[k] = r.nextFloat();
                List<float[]> imgs = new ArrayList<>();
                for (int j = 0; j < 4; j++) {
                    float[] e = c.clone();
                    for (int k = 0; k < 8; k++) e[k] += 0.03f * (float) r.nextGaussian();
                    imgs.add(e);
                }
                ids.add(imgs);
            }
            HeadTraining spec = new HeadTraining("x", d, 8, 32, 10);
            try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
                TrainingGraph tg = spec.graph(g, new AdamOptimizer());
                // when
                TrainState s =
                        spec.train(
                                tg,
                                ids,
                                ids,
                                new TrainOptions(15, 32, new ConstantSchedule(0.1), 3, 0, null, 1),
                                null,
                                TrainState.initial(),
                                TrainingListener.NONE);
                // then
                var last = s.history().get(s.history().size() - 1);
                assertThat(last.valAccuracy()).as(d.id()).isGreaterThan(0.9);
                assertThat(last.loss()).as(d.id()).isLessThan(s.history().get(0).loss());
            }
        }
    }
}
