package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.MiniBatches;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Initializers;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ExponentialDecay;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import io.dlkit.backend.train.schedule.PerEpochList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The epoch loop against the notes' "Mini-Batch Gradient descent" (shuffle, then partition with a
 * smaller last batch) and "Learning Rate Decay" ({@code alpha = 0.95^epoch * alpha0}), and early
 * stopping. The model is one linear unit without bias, {@code y^ = w x}, starting at {@code w = 0}.
 */
class TrainerLoopTest {
    private static final long SEED = 5;

    /** The graph of the run in progress, for listeners that read weights. */
    private GraphContext context;

    @Test
    void should_take_batches_of_4_4_and_2_samples_that_cover_every_sample_once_per_epoch() {
        // given: 10 samples with feature 0 and target 2^i, so y^ = 0 whatever w is, sample i adds
        // (2^i)^2 = 4^i to a batch's squared error, and loss * rows in base 4 has a digit 1 at
        // exactly the batch's samples (all sums stay below 2^24: exact in float)
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) y[i] = 1 << i;
        Dataset train = Dataset.ofTargets(new float[10], new long[] {1}, y, 1);
        List<String> events = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void onStart(int epoch, int epochs, int stepsPerEpoch) {
                        events.add(
                                "start " + epoch + "/" + epochs + ", " + stepsPerEpoch + " steps");
                    }

                    @Override
                    public void onBatch(
                            int epoch, int batch, long step, double loss, double acc, double lr) {
                        events.add(epoch + "." + batch + " step " + step);
                        losses.add(loss);
                    }
                };
        // when
        TrainState end = fit(train, 2, 4, new ExponentialDecay(0.1, 0.95), listener);
        // then
        assertThat(events)
                .containsExactly(
                        "start 1/2, 3 steps",
                        "1.1 step 1",
                        "1.2 step 2",
                        "1.3 step 3",
                        "2.1 step 4",
                        "2.2 step 5",
                        "2.3 step 6");
        int[] rows = {4, 4, 2};
        MiniBatches expected = MiniBatches.shuffled(train, 4, SEED);
        for (int epoch = 0; epoch < 2; epoch++) {
            int[] order = expected.order(epoch);
            TreeSet<Integer> seen = new TreeSet<>();
            for (int b = 0; b < 3; b++) {
                List<Integer> batch = samples(losses.get(epoch * 3 + b) * rows[b]);
                assertThat(batch)
                        .as("epoch %d batch %d", epoch + 1, b + 1)
                        .hasSize(rows[b])
                        .containsExactlyInAnyOrderElementsOf(
                                Arrays.stream(order, 4 * b, 4 * b + rows[b]).boxed().toList());
                seen.addAll(batch);
            }
            assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 10).boxed().toList());
        }
        // the epoch's loss is the mean over its 10 samples: (4^0 + ... + 4^9) / 10
        assertThat(end.history()).extracting(EpochMetrics::loss).containsExactly(34952.5, 34952.5);
        assertThat(expected.order(1)).isNotEqualTo(expected.order(0));
    }

    @Test
    void should_feed_the_exponentially_decayed_rate_and_step_by_it() {
        // given: one sample x = 1, y = 1, one step per epoch; J = (w - 1)^2, dJ/dw = 2 (w - 1)
        Dataset train = Dataset.ofTargets(new float[] {1}, new long[] {1}, new float[] {1}, 1);
        List<Double> fedRates = new ArrayList<>();
        List<Float> weights = new ArrayList<>();
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void onBatch(
                            int epoch, int batch, long step, double loss, double acc, double lr) {
                        fedRates.add(lr);
                    }

                    @Override
                    public void onEpoch(EpochMetrics metrics) {
                        weights.add(GraphValues.fetch(context, "lin_kernel")[0]);
                    }
                };
        // when
        TrainState end = fit(train, 4, 1, new ExponentialDecay(0.1, 0.95), listener);
        // then: alpha_e = 0.95^e * 0.1 for epochs e = 0..3 (0.1, 0.095, 0.09025, 0.0857375),
        // fed as a float; by hand, w := w - alpha_e * 2 (w - 1) from w = 0 gives 0.2, 0.352,
        // 0.468964, 0.5600234 (a constant 0.1 would give 0.2, 0.36, 0.488, 0.5904)
        assertThat(fedRates).hasSize(4);
        assertThat(end.history()).hasSize(4);
        double w = 0;
        for (int e = 0; e < 4; e++) {
            double alpha = 0.1 * Math.pow(0.95, e);
            w -= alpha * 2 * (w - 1);
            assertThat(fedRates.get(e)).as("rate fed in epoch %d", e + 1).isEqualTo((float) alpha);
            assertThat(end.history().get(e).learningRate()).isCloseTo(alpha, within(1e-15));
            assertThat(weights.get(e))
                    .as("w after epoch %d", e + 1)
                    .isCloseTo((float) w, within(1e-6f));
        }
        assertThat(weights.get(3)).isCloseTo(0.5600234f, within(1e-6f));
    }

    @Test
    void should_stop_early_once_the_loss_stops_improving_for_one_epoch() {
        // given: samples (1, 1) and (2, 2) in one batch; from w = 0, J = mean((w x - y)^2) = 2.5
        // and dJ/dw = (1/2) 2 sum x (w x - y) = -5, so epoch 1 at alpha 0.1 moves w to 0.5 and the
        // loss to ((0.5 - 1)^2 + (1 - 2)^2) / 2 = 0.625; from epoch 2 on alpha = 1e-30 leaves w
        // (and so the loss) exactly as it is
        Dataset train =
                Dataset.ofTargets(new float[] {1, 2}, new long[] {1}, new float[] {1, 2}, 1);
        TrainOptions options =
                new TrainOptions(10, 2, new PerEpochList(List.of(0.1, 1e-30)), SEED, 0, "loss", 1);
        // when
        TrainState end = fit(train, options, TrainingListener.NONE);
        // then: epoch 3 is no better than epoch 2, and patience 1 ends training there
        assertThat(end.history()).extracting(EpochMetrics::loss).containsExactly(2.5, 0.625, 0.625);
        assertThat(end.epoch()).isEqualTo(3);
        assertThat(end.best()).isEqualTo(0.625);
        assertThat(end.badEpochs()).isEqualTo(1);
    }

    private TrainState fit(
            Dataset train,
            int epochs,
            int batchSize,
            LearningRateSchedule schedule,
            TrainingListener listener) {
        return fit(
                train, new TrainOptions(epochs, batchSize, schedule, SEED, 0, null, 1), listener);
    }

    private TrainState fit(Dataset train, TrainOptions options, TrainingListener listener) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            context = g;
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            linearUnit(),
                            new TestOptimizers.GradientDescent(),
                            TrainingSpec.defaults());
            return new Trainer(graph, options, null, listener)
                    .fit(train, null, TrainState.initial());
        }
    }

    /** {@code y^ = w x}, {@code w = 0} at the start, MSE (linear output). */
    static Sequential linearUnit() {
        return Sequential.builder()
                .input(1)
                .add(
                        DenseLayer.builder()
                                .setUnits(1)
                                .optName("lin")
                                .optUseBias(false)
                                .optInitializer(Initializers.ZEROS)
                                .build())
                .build();
    }

    /** The positions of the base-4 digits of {@code sum}, which must all be 0 or 1. */
    private static List<Integer> samples(double sum) {
        long s = (long) sum;
        assertThat((double) s).as("a whole sum of powers of 4").isEqualTo(sum);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; s > 0; i++, s /= 4) {
            assertThat(s % 4).as("base-4 digit %d of %s", i, sum).isLessThanOrEqualTo(1);
            if (s % 4 == 1) out.add(i);
        }
        return out;
    }
}
