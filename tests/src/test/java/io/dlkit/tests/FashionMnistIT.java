package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 784-512-512-10 ReLU MLP on Fashion-MNIST with Adam 1e-3, batch 128, 2 epochs: PyTorch reaches
 * 86.5% test accuracy with this recipe (../shared/bench/torch_train.py mlp). Needs the four IDX
 * files in ../shared/data/digits/fashion-mnist; skipped, saying so, without them.
 */
class FashionMnistIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FASHION = DlkitProcess.SHARED.resolve("data/digits/fashion-mnist");
    private static final String MLP =
            DlkitProcess.ROOT.resolve("samples/models/mlp.yaml").toString();
    // Seeds 1-3 measured 85.66-86.55% here (AVX-512), seed 42 86.38-86.82% on earlier machines;
    // the threshold leaves 1.6 points below the lowest. PyTorch's 86.5% is the benchmark's
    // business.
    private static final double MIN_TEST_ACCURACY = 0.84;

    @BeforeEach
    void needsTheDataSet() {
        SharedData.require(FASHION.resolve("t10k-images-idx3-ubyte.gz"));
    }

    @Test
    void should_reach_84_percent_test_accuracy_and_eval_to_the_same(@TempDir Path tmp)
            throws IOException {
        // given
        Path dir = tmp.resolve("mlp");
        String train = FASHION.resolve("train-images-idx3-ubyte.gz").toString();
        String test = FASHION.resolve("t10k-images-idx3-ubyte.gz").toString();

        // when
        Result trained =
                dlkit(
                        "--threads 2 -q --format json train --epochs 2 --batch-size 128"
                                + " --optimizer adam --lr 1e-3 --model",
                        MLP,
                        "--data",
                        train,
                        "--test",
                        test,
                        "--out",
                        dir.toString());
        Result eval = dlkit("--threads 2 -q --format json eval", dir.toString(), "--data", test);

        // then
        assertThat(trained.exitCode()).as(trained.toString()).isZero();
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode t = JSON.readTree(trained.out());
        JsonNode e = JSON.readTree(eval.out());
        System.out.println(
                "Fashion-MNIST test accuracy, dlkit train --test: " + t.get("test_accuracy"));
        assertThat(t.get("steps").asInt())
                .as("2 epochs of 60,000 / 128 batches")
                .isEqualTo(2 * ((60_000 + 127) / 128));
        assertThat(t.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(MIN_TEST_ACCURACY);
        assertThat(e.get("samples").asInt()).isEqualTo(10_000);
        assertThat(e.get("accuracy").asDouble()).isEqualTo(t.get("test_accuracy").asDouble());
        assertThat(e.get("confusion_matrix")).hasSize(10);
    }

    @Test
    void should_train_and_evaluate_with_the_pipeline(@TempDir Path tmp) throws IOException {
        // given
        Path out = tmp.resolve("run");
        String pipeline = DlkitProcess.ROOT.resolve("pipelines/fashion-mnist-mlp.yaml").toString();

        // when
        Result run =
                dlkit(
                        "--threads 2 -q --format json run",
                        pipeline,
                        "--set",
                        "data=" + FASHION,
                        "--out",
                        out.toString());

        // then
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode result = JSON.readTree(run.out());
        assertThat(result.get("status").asText()).isEqualTo("ok");
        assertThat(result.get("outputs"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        out + "/model/model.yaml",
                        out + "/model/metrics.csv",
                        out + "/model/metrics.json",
                        out + "/model/curves.png",
                        out + "/model/manifest.json");
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("ok");
        assertThat(manifest.get("steps").findValuesAsText("id"))
                .containsExactly("train", "evaluate");
        assertThat(manifest.get("steps").findValuesAsText("status")).containsExactly("ok", "ok");
        assertThat(manifest.get("outputs")).hasSize(5);
        assertThat(Files.readAllLines(out.resolve("model/metrics.csv"))).hasSize(1 + 2);
        JsonNode model = JSON.readTree(out.resolve("model/manifest.json").toFile());
        double accuracy = model.get("result").get("test_accuracy").asDouble();
        System.out.println("Fashion-MNIST test accuracy, pipeline: " + accuracy);
        assertThat(accuracy).isGreaterThanOrEqualTo(MIN_TEST_ACCURACY);

        // and when: the pipeline's model evaluated by the CLI on the folder's t10k split
        Result eval =
                dlkit(
                        "--threads 2 -q --format json eval",
                        out.resolve("model").toString(),
                        "--data",
                        FASHION.toString());

        // then
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(JSON.readTree(eval.out()).get("accuracy").asDouble()).isEqualTo(accuracy);
    }
}
