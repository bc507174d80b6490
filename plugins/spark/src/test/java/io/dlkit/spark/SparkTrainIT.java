package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data-parallel training through the packaged CLI with its workers in real executor JVMs: Spark's
 * {@code local-cluster[2,1,1024]} starts a master and two workers in the driver, which start two
 * executor processes from a Spark home whose {@code jars} is the distribution's {@code lib/spark}.
 * An MLP on a slice of Fashion-MNIST trained one epoch with the workers in the driver's JVM ({@code
 * local[2]}) resumes in the executor JVMs to a second epoch that is exactly the uninterrupted
 * local[2] run's (resume is exact, placement does not matter), and converges. One local-cluster run
 * only: its executors' start (two JVMs, each starting dlkit's plugin host and TensorFlow) is most
 * of the test's time.
 */
class SparkTrainIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLUSTER = "local-cluster[2,1,1024]";
    // Test accuracy after 2 epochs on 4,000 samples, measured for seeds 1-4 (identical on local[2]
    // and local-cluster): 0.772, 0.768, 0.772, 0.765; the bound is 2.5 points below the lowest.
    private static final double MIN_ACCURACY = 0.74;
    // local[2] and local-cluster run the same ops on the same data in the same order with one
    // thread per worker: the metrics agree to the last digit printed (measured: identical).
    private static final double SAME = 1e-6;

    @TempDir Path work;

    @Test
    void should_train_in_executor_jvms_resume_exactly_and_match_local_mode() throws Exception {
        // given a Spark home for the executors, an MLP and a slice of Fashion-MNIST
        Path fashion = SharedData.require("data/digits/fashion-mnist");
        Map<String, String> env = sparkHome();
        Files.writeString(
                work.resolve("mlp.yaml"),
                "input_shape: [784]\n"
                        + "layers:\n"
                        + "  - {type: dense, units: 64, activation: relu}\n"
                        + "  - {type: dense, units: 10, activation: softmax}\n");
        String train = fashion.resolve("train-images-idx3-ubyte.gz") + "@0:4000";
        String val = fashion.resolve("t10k-images-idx3-ubyte.gz") + "@0:1000";
        String test = fashion.resolve("t10k-images-idx3-ubyte.gz") + "@1000:2000";
        List<String> fresh =
                List.of(
                        "--model",
                        "mlp.yaml",
                        "--data",
                        train,
                        "--val",
                        val,
                        "--test",
                        test,
                        "--batch-size",
                        "64",
                        "--optimizer",
                        "adam",
                        "--lr",
                        "1e-3",
                        "--engine",
                        "spark",
                        "--workers",
                        "2",
                        "--average-every",
                        "5");

        // when: 2 epochs with the workers in the driver's JVM (local[2]); 1 epoch there, then
        // resumed to 2 with the workers in two executor JVMs (local-cluster)
        JsonNode whole =
                train(env, fresh, "--epochs", "2", "--out", "whole", "--master", "local[2]");
        train(env, fresh, "--epochs", "1", "--out", "split", "--master", "local[2]");
        JsonNode resumed =
                train(
                        env,
                        List.of("--resume", "--epochs", "2", "--out", "split"),
                        // engine options given on resume replace the recorded ones: all of them
                        "--engine",
                        "spark",
                        "--workers",
                        "2",
                        "--average-every",
                        "5",
                        "--master",
                        CLUSTER);

        // then the executors were separate JVMs that started dlkit's plugin host themselves
        assertThat(executorLogs(Path.of(env.get("SPARK_HOME"))))
                .contains("dlkit executor: started the plugin host from " + DistProcess.DIST);
        // and the run converged there, with its checkpoint and both epochs' metrics
        assertThat(resumed.get("epochs").asInt()).isEqualTo(2);
        assertThat(resumed.get("test_accuracy").asDouble()).isGreaterThan(MIN_ACCURACY);
        assertThat(work.resolve("split/checkpoint")).isDirectory();
        List<Map<String, String>> split = metrics(work.resolve("split/metrics.csv"));
        List<Map<String, String>> reference = metrics(work.resolve("whole/metrics.csv"));
        assertThat(split).hasSize(2);
        // and its second epoch, in executor JVMs from the checkpoint, is the uninterrupted run's
        // in the driver's JVM: resume is exact and where the workers run does not matter
        assertSameEpoch(split.get(0), reference.get(0));
        assertSameEpoch(split.get(1), reference.get(1));
        assertThat(resumed.get("test_accuracy").asDouble())
                .isCloseTo(whole.get("test_accuracy").asDouble(), within(SAME));
        assertThat(resumed.get("test_loss").asDouble())
                .isCloseTo(whole.get("test_loss").asDouble(), within(SAME));
    }

    private JsonNode train(Map<String, String> env, List<String> options, String... more)
            throws Exception {
        List<String> args =
                new ArrayList<>(List.of("--seed", "1", "--threads", "2", "--format", "json"));
        args.add("train");
        args.addAll(options);
        args.addAll(List.of(more));
        DistProcess.Result r = DistProcess.run(work, env, args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return JSON.readTree(r.out());
    }

    /** A Spark home for local-cluster's executors: jars is the distribution's lib/spark. */
    private Map<String, String> sparkHome() throws Exception {
        Path lib = SharedData.require(DistProcess.DIST.resolve("lib/spark"));
        Path home = Files.createDirectories(work.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), lib);
        return Map.of("SPARK_HOME", home.toString(), "SPARK_SCALA_VERSION", "2.13");
    }

    private static String executorLogs(Path sparkHome) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> s = Files.walk(sparkHome.resolve("work"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("stderr")).toList())
                all.append(Files.readString(p));
        }
        return all.toString();
    }

    private static void assertSameEpoch(Map<String, String> got, Map<String, String> expected) {
        for (String column :
                List.of("epoch", "step", "loss", "accuracy", "val_loss", "val_accuracy"))
            assertThat(Double.parseDouble(got.get(column)))
                    .as(column)
                    .isCloseTo(Double.parseDouble(expected.get(column)), within(SAME));
    }

    private static List<Map<String, String>> metrics(Path csv) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",");
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) row.put(header[i], cells[i]);
            rows.add(row);
        }
        return rows;
    }
}
