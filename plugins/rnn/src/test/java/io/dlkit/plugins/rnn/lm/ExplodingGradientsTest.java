package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.backend.train.schedule.PerEpochList;
import io.dlkit.plugins.rnn.layers.RnnLayerTypes;
import io.dlkit.testkit.TestOptimizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes' exploding gradients on a ReLU RNN language model (an unbounded recurrence): one epoch
 * at a small rate, then a large one. Without clipping the run diverges, stops with a one-line
 * message and keeps epoch 1's checkpoint; clipped by global norm, at the same rates, it trains.
 */
class ExplodingGradientsTest {
    private static final int T = 24;
    // measured: unclipped at 6, 8, 12 and 16 the loss becomes NaN or Infinity in epoch 2 or 3;
    // clipped to norm 0.1 (this small model's gradients have norms around 1) all four train
    private static final List<Double> RATES = List.of(0.05, 8.0, 8.0, 8.0);
    private static final double CLIP_NORM = 0.1;
    private static Dataset data;
    private static CharVocabulary vocab;

    @BeforeAll
    static void setUp() {
        for (LayerType t : new RnnLayerTypes().layerTypes()) {
            if (!Layers.all().containsKey(t.name())) Layers.register(t);
        }
        Random r = new Random(5);
        StringBuilder text = new StringBuilder();
        String[] words = {"abc ", "bcd ", "cab ", "dda ", "\n"};
        for (int i = 0; i < 700; i++) text.append(words[r.nextInt(words.length)]);
        vocab = CharVocabulary.of(text.toString());
        CharSequences s = CharSequences.of(vocab.encode(text.toString()), T, T);
        data = Dataset.ofTargets(s.x(), new long[] {T}, s.y(), T);
    }

    @Test
    void should_diverge_without_clipping_and_keep_the_last_good_checkpoint(@TempDir Path dir) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            Trainer trainer = trainer(g, 0, dir, new ArrayList<>());
            assertThatThrownBy(() -> trainer.fit(data, null, TrainState.initial()))
                    .isInstanceOf(TrainingDivergedException.class)
                    .hasMessageMatching(
                            "(the loss became (NaN|Infinity)|variable '\\w+' became (NaN|-?Infinity))"
                                    + " at epoch [2-4], step \\d+; the last good checkpoint is kept"
                                    + " in .*checkpoint; lower --lr or add --clip-norm");
        }
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            trainer(g, 0, dir, new ArrayList<>());
            assertThat(new Checkpoints(dir).restore(g.session()).epoch()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void should_train_at_the_same_rates_when_clipped_by_global_norm(@TempDir Path dir) {
        List<EpochMetrics> epochs = new ArrayList<>();
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            trainer(g, CLIP_NORM, dir, epochs).fit(data, null, TrainState.initial());
        }
        System.out.println(
                "rnn exploding: clipped losses "
                        + epochs.stream().map(EpochMetrics::loss).toList());
        assertThat(epochs).hasSize(RATES.size());
        assertThat(epochs.get(epochs.size() - 1).loss())
                .isFinite()
                .isLessThan(epochs.get(0).loss())
                .isLessThan(Math.log(vocab.size()));
    }

    private static Trainer trainer(
            GraphContext g, double clipNorm, Path dir, List<EpochMetrics> log) {
        Map<String, Object> config =
                Map.of(
                        "input_shape",
                        List.of(T),
                        "layers",
                        List.of(
                                Map.of("type", "embedding", "vocab", vocab.size(), "dim", 8),
                                Map.of(
                                        "type",
                                        "simple_rnn",
                                        "units",
                                        32,
                                        "return_sequences",
                                        true,
                                        "activation",
                                        "relu"),
                                Map.of("type", "time_dense", "units", vocab.size())));
        TrainingGraph tg =
                TrainingGraph.build(
                        g,
                        Sequential.fromConfig(config),
                        TestOptimizers.gradientDescent(),
                        new TrainingSpec(new SequenceCrossEntropy(), 0, 0, clipNorm));
        TrainOptions options =
                new TrainOptions(RATES.size(), 16, new PerEpochList(RATES), 3, 0, null, 1);
        TrainingListener listener =
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics m) {
                        log.add(m);
                    }
                };
        return new Trainer(tg, options, new Checkpoints(dir), listener);
    }
}
