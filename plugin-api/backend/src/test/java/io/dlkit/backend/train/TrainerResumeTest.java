package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.DropoutLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ExponentialDecay;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming from a checkpoint continues exactly as if training had never stopped, and the same seed
 * repeats a run bit for bit. The model has every kind of state a checkpoint must carry: batch-norm
 * moving averages, a dropout seed counter and momentum velocities. One intra-op thread keeps float
 * reductions in a fixed order, so "exactly" means bitwise.
 */
class TrainerResumeTest {
    private static final long SEED = 7;
    private static final int EPOCHS = 4;
    // 11 samples in batches of 4: 4 + 4 + 3, three steps per epoch
    private static final int BATCH = 4;
    private static final Dataset TRAIN = randomClasses(11, new Random(1));
    private static final Dataset VALIDATION = randomClasses(5, new Random(2));

    @TempDir Path modelDir;

    @Test
    void should_end_bit_identical_to_an_uninterrupted_run_when_resumed_after_epoch_2() {
        // given
        Outcome uninterrupted = train(SEED, EPOCHS, null, 0, false, TrainingListener.NONE);
        Outcome firstHalf = train(SEED, 2, modelDir, 0, false, TrainingListener.NONE);
        // when: a fresh graph, model and session restore the checkpoint and go on to epoch 4
        Outcome resumed = train(SEED, EPOCHS, modelDir, 0, true, TrainingListener.NONE);
        // then
        assertThat(firstHalf.epochs()).isEqualTo(uninterrupted.epochs().subList(0, 2));
        assertThat(resumed.epochs()).isEqualTo(uninterrupted.epochs());
        assertThat(resumed.variables()).isEqualTo(uninterrupted.variables());
    }

    @Test
    void should_end_bit_identical_when_resumed_from_a_mid_epoch_checkpoint() {
        // given: checkpoints after steps 3, 6 (epoch ends) and 7 (batch 1 of epoch 3); the run is
        // killed after step 8, so step 8 is lost and must be redone
        Outcome uninterrupted = train(SEED, EPOCHS, null, 0, false, TrainingListener.NONE);
        assertThatThrownBy(() -> train(SEED, EPOCHS, modelDir, 7, false, killAfterStep(8)))
                .isInstanceOf(Killed.class);
        List<String> events = new ArrayList<>();
        // when
        Outcome resumed = train(SEED, EPOCHS, modelDir, 7, true, recorder(events));
        // then
        assertThat(events.subList(0, 2))
                .containsExactly("start at epoch 3 of 4, 3 steps", "epoch 3 batch 2 step 8");
        assertThat(resumed.epochs()).isEqualTo(uninterrupted.epochs());
        assertThat(resumed.variables()).isEqualTo(uninterrupted.variables());
    }

    @Test
    void should_resume_a_run_fed_by_a_prefetching_batch_source_from_a_mid_epoch_checkpoint() {
        // given: the same kill after step 8 with checkpoints every 7 steps, the batches coming from
        // a batch source with a prefetch thread (which has made batches ahead when it is killed)
        Outcome uninterrupted = trainFromSource(EPOCHS, null, 0, false, TrainingListener.NONE);
        assertThatThrownBy(() -> trainFromSource(EPOCHS, modelDir, 7, false, killAfterStep(8)))
                .isInstanceOf(Killed.class);
        List<String> events = new ArrayList<>();
        // when
        Outcome resumed = trainFromSource(EPOCHS, modelDir, 7, true, recorder(events));
        // then
        assertThat(events.subList(0, 2))
                .containsExactly("start at epoch 3 of 4, 3 steps", "epoch 3 batch 2 step 8");
        assertThat(resumed.epochs()).hasSize(EPOCHS).isEqualTo(uninterrupted.epochs());
        assertThat(resumed.variables()).isEqualTo(uninterrupted.variables());
    }

    @Test
    void should_repeat_losses_and_every_variable_bit_for_bit_with_the_same_seed() {
        // when
        Outcome first = train(SEED, EPOCHS, null, 0, false, TrainingListener.NONE);
        Outcome second = train(SEED, EPOCHS, null, 0, false, TrainingListener.NONE);
        // then
        assertThat(second).isEqualTo(first);
        // the comparison covers all the state: each layer's, the optimizer's, and the dropout
        // counter, advanced once per step (4 epochs * 3 steps = 12, little-endian int64)
        assertThat(first.variables())
                .containsKeys(
                        "hidden_kernel",
                        "hidden_moving_mean",
                        "hidden_moving_variance",
                        "hidden_gamma_velocity",
                        "out_kernel_velocity",
                        "out_bias")
                .containsEntry("drop_seed_state", "0c00000000000000");
    }

    @Test
    void should_train_differently_with_a_different_seed() {
        // when
        Outcome seven = train(SEED, EPOCHS, null, 0, false, TrainingListener.NONE);
        Outcome eight = train(SEED + 1, EPOCHS, null, 0, false, TrainingListener.NONE);
        // then: other initial weights, shuffles and dropout masks
        assertThat(eight.epochs().get(0).loss()).isNotEqualTo(seven.epochs().get(0).loss());
        assertThat(eight.variables().get("hidden_kernel"))
                .isNotEqualTo(seven.variables().get("hidden_kernel"));
        assertThat(eight.variables().get("out_kernel"))
                .isNotEqualTo(seven.variables().get("out_kernel"));
    }

    /** What a run ends with: its epochs' numbers and every variable's bits. */
    private record Outcome(List<Numbers> epochs, Map<String, String> variables) {}

    /** An epoch's numbers without the wall-clock ones; records compare doubles bitwise. */
    private record Numbers(
            int epoch,
            long step,
            double loss,
            double l2,
            double accuracy,
            double valLoss,
            double valAccuracy,
            double learningRate) {
        static Numbers of(EpochMetrics m) {
            return new Numbers(
                    m.epoch(),
                    m.step(),
                    m.loss(),
                    m.l2(),
                    m.accuracy(),
                    m.valLoss(),
                    m.valAccuracy(),
                    m.learningRate());
        }
    }

    /**
     * Builds everything afresh, as a new process would, and trains to {@code epochs}; with a {@code
     * modelDir}, checkpoints at epoch ends and every {@code every} steps (0 = never).
     */
    private static Outcome train(
            long seed,
            int epochs,
            Path modelDir,
            int every,
            boolean resume,
            TrainingListener listener) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, seed)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            model(),
                            new TestOptimizers.Momentum(0.9),
                            new TrainingSpec(null, 0.01, 0, 0));
            Checkpoints checkpoints = modelDir == null ? null : new Checkpoints(modelDir);
            TrainState start = resume ? checkpoints.restore(g.session()) : TrainState.initial();
            TrainOptions options =
                    new TrainOptions(
                            epochs, BATCH, new ExponentialDecay(0.05, 0.95), seed, every, null, 1);
            TrainState end =
                    new Trainer(graph, options, checkpoints, listener)
                            .fit(TRAIN, VALIDATION, start);
            return new Outcome(
                    end.history().stream().map(Numbers::of).toList(), GraphValues.snapshot(g));
        }
    }

    /** As {@link #train}, fed by a prefetching {@link io.dlkit.backend.data.BatchSource}. */
    private static Outcome trainFromSource(
            int epochs, Path modelDir, int every, boolean resume, TrainingListener listener) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED);
                var source =
                        io.dlkit.backend.data.BatchSources.prefetching(
                                io.dlkit.backend.data.BatchSources.of(TRAIN, BATCH), 2)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            model(),
                            new TestOptimizers.Momentum(0.9),
                            new TrainingSpec(null, 0.01, 0, 0));
            Checkpoints checkpoints = modelDir == null ? null : new Checkpoints(modelDir);
            TrainState start = resume ? checkpoints.restore(g.session()) : TrainState.initial();
            TrainOptions options =
                    new TrainOptions(
                            epochs, BATCH, new ExponentialDecay(0.05, 0.95), SEED, every, null, 1);
            TrainState end =
                    new Trainer(graph, options, checkpoints, listener).fit(source, null, start);
            return new Outcome(
                    end.history().stream().map(Numbers::of).toList(), GraphValues.snapshot(g));
        }
    }

    private static Sequential model() {
        return Sequential.builder()
                .input(3)
                .add(
                        DenseLayer.builder()
                                .setUnits(6)
                                .optName("hidden")
                                .optActivation("relu")
                                .optBatchNorm(true)
                                .build())
                .add(new DropoutLayer("drop", 0.6))
                .add(
                        DenseLayer.builder()
                                .setUnits(3)
                                .optName("out")
                                .optActivation("softmax")
                                .build())
                .build();
    }

    private static Dataset randomClasses(int m, Random random) {
        float[] x = new float[m * 3];
        int[] y = new int[m];
        for (int i = 0; i < m; i++) {
            y[i] = random.nextInt(3);
            for (int j = 0; j < 3; j++)
                x[i * 3 + j] = (float) random.nextGaussian() + (j == y[i] ? 1 : 0);
        }
        return Dataset.ofClasses(x, y, 3, 3);
    }

    /** Stands for the process being killed. */
    private static final class Killed extends RuntimeException {}

    private static TrainingListener killAfterStep(long step) {
        return new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, long s, double loss, double acc, double lr) {
                if (s == step) throw new Killed();
            }
        };
    }

    private static TrainingListener recorder(List<String> events) {
        return new TrainingListener() {
            @Override
            public void onStart(int epoch, int epochs, int stepsPerEpoch) {
                events.add(
                        "start at epoch "
                                + epoch
                                + " of "
                                + epochs
                                + ", "
                                + stepsPerEpoch
                                + " steps");
            }

            @Override
            public void onBatch(
                    int epoch, int batch, long step, double loss, double acc, double lr) {
                events.add("epoch " + epoch + " batch " + batch + " step " + step);
            }
        };
    }
}
