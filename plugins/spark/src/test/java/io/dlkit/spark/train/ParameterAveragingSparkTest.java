package io.dlkit.spark.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.backend.data.BatchAugmenter;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.IdxReader;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.Optimizer;
import io.dlkit.backend.train.TrainOptions;
import io.dlkit.backend.train.TrainState;
import io.dlkit.backend.train.Trainer;
import io.dlkit.backend.train.TrainingDivergedException;
import io.dlkit.backend.train.TrainingGraph;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.backend.train.TrainingSpec;
import io.dlkit.backend.train.schedule.LearningRateSchedule;
import io.dlkit.backend.train.schedule.Schedules;
import io.dlkit.cli.nn.DistributedFit;
import io.dlkit.cli.nn.EngineOptions;
import io.dlkit.cli.nn.WorkerRecipe;
import io.dlkit.plugins.optimizers.AdamOptimizer;
import io.dlkit.spark.SparkSessions;
import io.dlkit.testkit.SharedData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameter averaging on Spark local[2] with the MLP's shape (784-32-10, Adam) on a slice of
 * Fashion-MNIST: a resumed run ends exactly where an uninterrupted one does; 2 workers reach the
 * single-process accuracy; a diverging worker stops the run with the core trainer's message.
 */
class ParameterAveragingSparkTest {
    private static final long SEED = 1;
    private static final double MAX_GAP = 0.03;
    private static SparkSession spark;
    private static Dataset fashion;
    private static Dataset fashionTest;

    @BeforeAll
    static void start() throws IOException {
        Path dir = SharedData.require("data/digits/fashion-mnist");
        fashion =
                IdxReader.read(
                                dir.resolve("train-images-idx3-ubyte.gz"),
                                dir.resolve("train-labels-idx1-ubyte.gz"))
                        .subset(0, 6000)
                        .reshaped(784);
        fashionTest =
                IdxReader.read(
                                dir.resolve("t10k-images-idx3-ubyte.gz"),
                                dir.resolve("t10k-labels-idx1-ubyte.gz"))
                        .subset(0, 2000)
                        .reshaped(784);
        spark = SparkSessions.start("local[2]", "dlkit-train-test");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void should_resume_to_exactly_the_weights_and_metrics_of_an_uninterrupted_run(
            @TempDir Path whole, @TempDir Path split) {
        // given
        Dataset train = fashion.subset(0, 1024);

        // when: 2 epochs at once, the weights passed by reference; 1 epoch, then (as after a kill)
        // a new graph resumed to 2, the weights broadcast and sent back serialized
        Run a = train(whole, train, 2, 4, null, 1e-3, true);
        train(split, train, 1, 4, null, 1e-3, false);
        Run b = train(split, train, 2, 4, new Checkpoints(split), 1e-3, false);

        // then: 512 samples per worker in batches of 32 make 16 synchronous steps an epoch
        assertThat(a.state.step()).isEqualTo(32);
        assertThat(b.state.step()).isEqualTo(32);
        assertThat(b.epochs).hasSize(1);
        EpochMetrics last = a.epochs.get(1);
        assertThat(b.epochs.get(0).loss()).isEqualTo(last.loss());
        assertThat(b.epochs.get(0).accuracy()).isEqualTo(last.accuracy());
        assertThat(last.loss()).isLessThan(a.epochs.get(0).loss());
        for (String name : a.weights.names()) {
            if (a.weights.values(a.weights.names().indexOf(name)) instanceof float[]) {
                assertThat(b.weights.floats(name)).as(name).containsExactly(a.weights.floats(name));
            }
        }
    }

    @Test
    void should_reach_the_single_process_accuracy_with_two_workers(@TempDir Path dir) {
        // when: 6000 samples, 94 synchronous steps an epoch, averaged every 20
        Run two = train(dir, fashion, 2, 20, null);
        double single = singleProcess(fashion, 2);

        // then: 2 workers minus single process over seeds 1-4 measured -0.0205, +0.0020, +0.0160,
        // -0.0120 (single process 0.764-0.785 on these 2000 test images); the bound leaves one
        // point below the lowest. The full data set's 0.5-point bar is
        // tests/bench/spark_train.sh's.
        System.out.printf(
                "Fashion-MNIST slice, 2 epochs: single process %.4f, 2 workers %.4f%n",
                single, two.testAccuracy);
        assertThat(two.testAccuracy).isGreaterThan(single - MAX_GAP);
    }

    @Test
    void should_stop_with_the_core_trainers_message_when_a_worker_diverges(@TempDir Path dir) {
        assertThatThrownBy(() -> train(dir, fashion.subset(0, 512), 1, 4, null, 1e30, true))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessageMatching(
                        "the loss became (NaN|Infinity) at epoch 1, step \\d+ on worker [01];"
                                + " lower --lr or add --clip-norm");
    }

    private record Run(
            TrainState state, List<EpochMetrics> epochs, Weights weights, double testAccuracy) {}

    private static Run train(Path dir, Dataset data, int epochs, int every, Checkpoints resume) {
        return train(dir, data, epochs, every, resume, 1e-3, true);
    }

    private static Run train(
            Path dir,
            Dataset data,
            int epochs,
            int every,
            Checkpoints resume,
            double lr,
            boolean inJvm) {
        List<EpochMetrics> seen = new ArrayList<>();
        TrainingListener log =
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochMetrics m) {
                        seen.add(m);
                    }
                };
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph driver = graph(g);
            TrainState state = resume == null ? TrainState.initial() : resume.restore(g.session());
            DistributedFit job =
                    new DistributedFit(
                            driver,
                            new MlpRecipe(lr),
                            ADAM,
                            options(epochs, lr),
                            new Checkpoints(dir),
                            log,
                            arrays(data),
                            null,
                            state,
                            new EngineOptions("spark", 2, null, every),
                            new PrintWriter(new StringWriter()));
            RoundExecutor rounds =
                    new SparkRounds(JavaSparkContext.fromSparkContext(spark.sparkContext()), inJvm);
            TrainState end = new ParameterAveraging(job, rounds).fit();
            double accuracy = new ModelRunner(driver).evaluate(fashionTest, 500).accuracy();
            return new Run(end, seen, Weights.read(g), accuracy);
        }
    }

    /** The workers' MLP, built in whatever JVM a worker runs. */
    private record MlpRecipe(double lr) implements WorkerRecipe {
        @Override
        public TrainingGraph graph(Optimizers optimizers) {
            return graph(GraphContext.create(DeviceRequest.CPU, 1, SEED), optimizers);
        }

        @Override
        public LearningRateSchedule schedule() {
            return Schedules.parse("constant", lr);
        }

        @Override
        public BatchAugmenter augmenter() {
            return BatchAugmenter.NONE;
        }

        private static TrainingGraph graph(GraphContext g, Optimizers optimizers) {
            return TrainingGraph.build(
                    g, mlp(), optimizers.create("adam", Map.of()), TrainingSpec.defaults());
        }
    }

    private static final Optimizers ADAM =
            new Optimizers() {
                @Override
                public List<String> names() {
                    return List.of("adam");
                }

                @Override
                public Optimizer create(String name, Map<String, Object> config) {
                    return new AdamOptimizer();
                }
            };

    private static Map<String, NdArray> arrays(Dataset d) {
        return Map.of(
                "x", NdArray.of(d.features(), d.size(), d.featureSize()),
                "labels", NdArray.of(d.labels(), d.size()));
    }

    private static double singleProcess(Dataset data, int epochs) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph tg = graph(g);
            new Trainer(tg, options(epochs, 1e-3), null, null)
                    .fit(data, null, TrainState.initial());
            return new ModelRunner(tg).evaluate(fashionTest, 500).accuracy();
        }
    }

    private static TrainingGraph graph(GraphContext g) {
        return TrainingGraph.build(g, mlp(), new AdamOptimizer(), TrainingSpec.defaults());
    }

    private static Sequential mlp() {
        return Sequential.fromConfig(
                Map.of(
                        "input_shape", List.of(784),
                        "layers",
                                List.of(
                                        Map.of("type", "dense", "units", 32, "activation", "relu"),
                                        Map.of(
                                                "type",
                                                "dense",
                                                "units",
                                                10,
                                                "activation",
                                                "softmax"))));
    }

    private static TrainOptions options(int epochs, double lr) {
        return new TrainOptions(epochs, 64, Schedules.parse("constant", lr), SEED, 0, null, 1);
    }
}
