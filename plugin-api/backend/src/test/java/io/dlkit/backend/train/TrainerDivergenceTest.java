package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.PerEpochList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A loss that overflows stops training with a one-line message and leaves the last good checkpoint
 * in place. Four copies of the sample x = 1, y = 1 train one linear unit {@code y^ = w x} from
 * {@code w = 0}, one sample per step: {@code J = (w - 1)^2}, {@code w := w - alpha 2 (w - 1)}.
 */
class TrainerDivergenceTest {
    private static final long SEED = 3;
    private static final Dataset TRAIN =
            Dataset.ofTargets(
                    new float[] {1, 1, 1, 1}, new long[] {1}, new float[] {1, 1, 1, 1}, 1);

    @TempDir Path modelDir;

    @Test
    void should_stop_at_the_overflowing_step_and_keep_the_checkpoint_of_the_last_good_epoch() {
        // given: epoch 1 at alpha 0.1 takes w to 1 - 0.8^4 = 0.5904; epoch 2 at alpha 1e20 takes it
        // to 0.5904 + 1e20 * 2 * 0.4096 = 8.2e19 at step 5, and step 6's loss (8.2e19 - 1)^2 =
        // 6.7e39
        // is beyond float's 3.4e38
        List<Float> weights = new ArrayList<>();
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph = graph(g);
            TrainingListener listener =
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics metrics) {
                            weights.add(GraphValues.fetch(g, "lin_kernel")[0]);
                        }
                    };
            Trainer trainer = new Trainer(graph, options(0.1, 1e20), checkpoints, listener);
            // when / then
            assertThatThrownBy(() -> trainer.fit(TRAIN, null, TrainState.initial()))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessage(
                            "the loss became Infinity at epoch 2, step 6; the last good checkpoint"
                                    + " is kept in "
                                    + modelDir.resolve("checkpoint")
                                    + "; lower --lr or add --clip-norm");
        }
        assertThat(weights).hasSize(1);
        assertThat(weights.get(0)).isCloseTo(0.5904f, within(1e-6f));
        // and the checkpoint restores epoch 1's end into a fresh graph
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            graph(g);
            TrainState state = checkpoints.restore(g.session());
            assertThat(state.epoch()).isEqualTo(1);
            assertThat(state.step()).isEqualTo(4);
            assertThat(state.history()).hasSize(1);
            assertThat(GraphValues.fetch(g, "lin_kernel")).containsExactly(weights.get(0));
        }
    }

    @Test
    void should_not_checkpoint_weights_that_overflowed_in_the_last_step_of_an_epoch() {
        // given: one sample x = 1, y = 10, so dJ/dw = 2 (w - 10); epoch 1 at alpha 0.1 takes w from
        // 0 to 2; epoch 2's one step has the finite loss (2 - 10)^2 = 64 but takes w to
        // 2 + 1e38 * 16 = 1.6e39, which overflows float to Infinity
        Dataset one = Dataset.ofTargets(new float[] {1}, new long[] {1}, new float[] {10}, 1);
        Checkpoints checkpoints = new Checkpoints(modelDir);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            Trainer trainer = new Trainer(graph(g), options(0.1, 1e38), checkpoints, null);
            // when / then: stopped at epoch 2's checkpoint, not one epoch later by the loss
            assertThatThrownBy(() -> trainer.fit(one, null, TrainState.initial()))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessage(
                            "variable 'lin_kernel' became Infinity at epoch 2, step 2; the last"
                                    + " good checkpoint is kept in "
                                    + modelDir.resolve("checkpoint")
                                    + "; lower --lr or add --clip-norm");
        }
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            graph(g);
            assertThat(checkpoints.restore(g.session()).epoch()).isEqualTo(1);
            assertThat(GraphValues.fetch(g, "lin_kernel")).containsExactly(2f);
        }
    }

    @Test
    void should_not_mention_a_checkpoint_when_the_first_epoch_diverges() {
        // given: alpha 1e20 from the start takes w from 0 to 2e20 at step 1; step 2's loss
        // (2e20 - 1)^2 = 4e40 overflows
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            Trainer trainer = new Trainer(graph(g), options(1e20), new Checkpoints(modelDir), null);
            // when / then
            assertThatThrownBy(() -> trainer.fit(TRAIN, null, TrainState.initial()))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessage(
                            "the loss became Infinity at epoch 1, step 2; lower --lr or add"
                                    + " --clip-norm");
        }
        assertThat(new Checkpoints(modelDir).exists()).isFalse();
    }

    private static TrainingGraph graph(GraphContext g) {
        return TrainingGraph.build(
                g,
                TrainerLoopTest.linearUnit(),
                new TestOptimizers.GradientDescent(),
                TrainingSpec.defaults());
    }

    private static TrainOptions options(Double... rates) {
        return new TrainOptions(5, 1, new PerEpochList(List.of(rates)), SEED, 0, null, 1);
    }
}
