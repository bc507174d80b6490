package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training submitted as a cluster job is ({@link SparkClusterIT}'s way): spark-submit to {@code
 * local-cluster[2,1,1024]} with a Spark home of Spark's jars only and the distribution shipped as
 * an archive, so the executors can load dlkit only once the first task has added the unpacked
 * {@code ./dlkit/lib} to its class loader; the master is spark-submit's (no {@code --master}).
 */
class SparkTrainSubmitIT {
    private static final String STARTED = "dlkit executor: started the plugin host from ";

    @TempDir Path work;

    @Test
    void should_train_on_executors_that_received_the_distribution_as_an_archive() throws Exception {
        // given
        Path fashion = SharedData.require("data/digits/fashion-mnist");
        ClusterProcess.sparkHome(DistProcess.DIST, work.resolve("spark"));
        ClusterProcess.archive(DistProcess.DIST, work.resolve("dlkit-spark.tar"));
        Files.writeString(
                work.resolve("mlp.yaml"),
                "input_shape: [784]\nlayers:\n  - {type: dense, units: 32, activation: relu}\n"
                        + "  - {type: dense, units: 10, activation: softmax}\n");

        // when: 1 epoch on 2,000 images, 2 workers averaging every 5 steps
        DistProcess.Result r =
                ClusterProcess.submit(
                        work,
                        "local-cluster[2,1,1024]",
                        "dlkit-spark.tar#dlkit",
                        "--seed",
                        "1",
                        "--format",
                        "json",
                        "train",
                        "--model",
                        "mlp.yaml",
                        "--data",
                        fashion.resolve("train-images-idx3-ubyte.gz") + "@0:2000",
                        "--test",
                        fashion.resolve("t10k-images-idx3-ubyte.gz") + "@0:1000",
                        "--epochs",
                        "1",
                        "--batch-size",
                        "64",
                        "--out",
                        "m",
                        "--engine",
                        "spark",
                        "--workers",
                        "2",
                        "--average-every",
                        "5");

        // then it trained (measured: test accuracy 0.616, the training loss 1.69047 as on
        // local[2] to all digits), on executors that started dlkit from the unpacked archive
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(new ObjectMapper().readTree(r.out()).get("test_accuracy").asDouble())
                .isGreaterThan(0.5);
        assertThat(work.resolve("m/checkpoint")).isDirectory();
        List<String> logs = ClusterProcess.executorLogs(work.resolve("spark/work"));
        assertThat(logs)
                .anySatisfy(
                        log ->
                                assertThat(log)
                                        .containsPattern(
                                                STARTED + ".*/spark/work/app-[^/]+/\\d+/dlkit "));
    }
}
