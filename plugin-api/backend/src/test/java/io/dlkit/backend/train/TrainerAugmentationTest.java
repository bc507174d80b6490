package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer's augmentation hook on the linear unit {@code y^ = w x} from {@code w = 0}: it
 * changes every training batch, with the seed of {@code (seed, epoch, batch)}, and never a
 * validation or evaluation batch.
 */
class TrainerAugmentationTest {
    private static final long SEED = 5;

    @Test
    void should_augment_training_batches_only_with_the_seed_of_epoch_and_batch() {
        // given: 10 samples, batches of 4, 4 and 2; an augmenter that records its calls
        Dataset train = Dataset.ofTargets(new float[10], new long[] {1}, new float[10], 1);
        Dataset validation = Dataset.ofTargets(new float[3], new long[] {1}, new float[3], 1);
        List<String> calls = new ArrayList<>();
        BatchAugmenter recorder = (x, rows, seed) -> calls.add(rows + " rows, seed " + seed);

        // when
        fit(train, validation, 2, 4, recorder);

        // then
        List<String> expected = new ArrayList<>();
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int b = 0; b < 3; b++) {
                long seed = BatchAugmenter.batchSeed(SEED, epoch, b);
                expected.add((b < 2 ? 4 : 2) + " rows, seed " + seed);
            }
        }
        assertThat(calls).containsExactlyElementsOf(expected);
    }

    @Test
    void should_train_on_the_augmented_features_and_validate_on_the_original_ones() {
        // given: one sample x = 0, y = 1, and an augmenter that turns x into 1
        Dataset data = Dataset.ofTargets(new float[] {0}, new long[] {1}, new float[] {1}, 1);
        BatchAugmenter toOne = (x, rows, seed) -> Arrays.fill(x, 0, rows, 1f);

        // when
        TrainState end = fit(data, data, 2, 1, toOne);

        // then: step 1 sees x = 1: J = (0 - 1)^2 = 1, dJ/dw = 2 (w x - y) x = -2, so w := 0 +
        // 0.1 * 2 = 0.2; validation sees x = 0: (0.2 * 0 - 1)^2 = 1 (augmented it would be 0.64);
        // step 2 sees x = 1 again: J = (0.2 - 1)^2 = 0.64 (without augmentation J stays 1)
        assertThat(end.history().get(0).loss()).isCloseTo(1, within(1e-6));
        assertThat(end.history().get(0).valLoss()).isCloseTo(1, within(1e-6));
        assertThat(end.history().get(1).loss()).isCloseTo(0.64, within(1e-6));
        assertThat(end.history().get(1).valLoss()).isCloseTo(1, within(1e-6));
    }

    @Test
    void should_end_bit_identical_when_resumed_mid_epoch_with_augmentation(@TempDir Path dir) {
        // given: targets y = 2x and an augmenter that adds noise drawn from the batch's seed
        float[] x = new float[10];
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) {
            x[i] = i / 10f;
            y[i] = 2 * x[i];
        }
        Dataset train = Dataset.ofTargets(x, new long[] {1}, y, 1);
        BatchAugmenter noise =
                (f, rows, seed) -> {
                    SplittableRandom r = new SplittableRandom(seed);
                    for (int i = 0; i < rows; i++) f[i] += (float) r.nextDouble();
                };
        Map<String, String> uninterrupted = run(train, noise, null, false, 0);
        // when: checkpoints every step, killed after step 5 (batch 2 of epoch 2), then resumed
        try {
            run(train, noise, dir, false, 5);
        } catch (Killed expected) {
            // the process died
        }
        Map<String, String> resumed = run(train, noise, dir, true, 0);
        // then
        assertThat(resumed).isEqualTo(uninterrupted);
    }

    private static final class Killed extends RuntimeException {}

    /** Three epochs of batches of 4 in a fresh graph; with {@code dir}, checkpoints every step. */
    private static Map<String, String> run(
            Dataset train, BatchAugmenter a, Path dir, boolean resume, long killAfter) {
        TrainOptions options = new TrainOptions(3, 4, new ConstantSchedule(0.1), SEED, 1, null, 1);
        TrainingListener killer =
                new TrainingListener() {
                    @Override
                    public void onBatch(int e, int b, long step, double l, double acc, double lr) {
                        if (step == killAfter) throw new Killed();
                    }
                };
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            TrainerLoopTest.linearUnit(),
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            Checkpoints checkpoints = dir == null ? null : new Checkpoints(dir);
            TrainState start = resume ? checkpoints.restore(g.session()) : TrainState.initial();
            new Trainer(graph, options, checkpoints, killer, a).fit(train, null, start);
            return GraphValues.snapshot(g);
        }
    }

    private static TrainState fit(
            Dataset train, Dataset validation, int epochs, int batchSize, BatchAugmenter a) {
        TrainOptions options =
                new TrainOptions(epochs, batchSize, new ConstantSchedule(0.1), SEED, 0, null, 1);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            TrainerLoopTest.linearUnit(),
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            return new Trainer(graph, options, null, null, a)
                    .fit(train, validation, TrainState.initial());
        }
    }
}
