package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes' shallow network (2-4-1, tanh, sigmoid) on the 400-point planar flower data set, with
 * their recipe: batch gradient descent, learning rate 1.2, the whole set as one batch, 300 epochs.
 * Trained once; each test reads the model directory or runs eval, predict or summary on it.
 */
class FlowerTrainingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODEL = DlkitProcess.ROOT.resolve("samples/models/flower.yaml");
    private static final Path DATA = DlkitProcess.ROOT.resolve("samples/data/flower.csv");
    private static final int SAMPLES = 400;
    private static final int EPOCHS = 300;

    @TempDir static Path tmp;
    static Path dir;
    static JsonNode trained;

    @BeforeAll
    static void train() throws IOException {
        dir = tmp.resolve("flower");
        Result r =
                dlkit(
                        "--threads 2 --seed 1 --format json -q train --optimizer gd --lr 1.2"
                                + " --batch-size 400 --epochs 300 --plot --model",
                        MODEL.toString(),
                        "--data",
                        DATA.toString(),
                        "--out",
                        dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        trained = JSON.readTree(r.out());
    }

    @Test
    void should_reach_90_percent_training_accuracy_with_the_notes_recipe() {
        // then: the notes reach about 90% with this network on this data; seeds 1-10 measured
        // 93.25-94.0% here (tests/bench/accuracy.sh's method), so 90% leaves three points
        assertThat(trained.get("epochs").asInt()).isEqualTo(EPOCHS);
        assertThat(trained.get("steps").asInt()).as("one full batch an epoch").isEqualTo(EPOCHS);
        assertThat(trained.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.90);
        assertThat(trained.get("loss").asDouble()).as("below chance, ln 2").isLessThan(Math.log(2));
    }

    @Test
    void should_write_model_yaml_and_a_checkpoint() throws IOException {
        // then
        assertThat(Files.readString(dir.resolve("model.yaml")))
                .startsWith("format: dlkit-model/1\n")
                .contains("  loss: binary_crossentropy\n")
                .contains("  seed: 1\n");
        assertThat(dir.resolve("checkpoint/state.properties"))
                .content()
                .containsPattern("(?m)^epoch=300$");
        assertThat(dir.resolve("checkpoint/variables.index")).isRegularFile();
    }

    @Test
    void should_log_one_metrics_row_per_epoch() throws IOException {
        // when
        List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
        JsonNode json = JSON.readTree(dir.resolve("metrics.json").toFile());

        // then
        assertThat(csv.get(0))
                .isEqualTo(
                        "epoch,step,loss,l2,accuracy,val_loss,val_accuracy,"
                                + "learning_rate,seconds,samples_per_s");
        assertThat(csv).hasSize(1 + EPOCHS);
        for (int e = 1; e <= EPOCHS; e++) assertThat(csv.get(e)).startsWith(e + "," + e + ",");
        assertThat(json).hasSize(EPOCHS);
        assertThat(json.get(EPOCHS - 1).get("loss")).isEqualTo(trained.get("loss"));
    }

    @Test
    void should_plot_the_curves_as_an_800_by_800_png() throws IOException {
        // when
        BufferedImage png = ImageIO.read(dir.resolve("curves.png").toFile());

        // then
        assertThat(png).as("curves.png decodes as an image").isNotNull();
        assertThat(png.getWidth()).isEqualTo(800);
        assertThat(png.getHeight()).isEqualTo(800);
    }

    @Test
    void should_record_the_data_file_hash_in_the_manifest() throws Exception {
        // given
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(DATA));

        // when
        JsonNode manifest = JSON.readTree(dir.resolve("manifest.json").toFile());

        // then
        assertThat(manifest.get("command").asText()).isEqualTo("train");
        assertThat(manifest.get("seed").asLong()).isEqualTo(1);
        assertThat(manifest.get("inputs")).hasSize(1);
        JsonNode input = manifest.get("inputs").get(0);
        assertThat(input.get("path").asText()).isEqualTo(DATA.toString());
        assertThat(input.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(digest));
        assertThat(manifest.get("result").get("accuracy")).isEqualTo(trained.get("accuracy"));
    }

    @Test
    void should_predict_the_classes_that_eval_counts() throws IOException {
        // given
        int[] labels = labels();

        // when
        Result eval =
                dlkit(
                        "--threads 2 -q --format json eval",
                        dir.toString(),
                        "--data",
                        DATA.toString());
        Result predict = dlkit("--threads 2 -q predict", dir.toString(), "--data", DATA.toString());

        // then
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        List<String> rows = predict.out().lines().toList();
        assertThat(rows.get(0)).isEqualTo("index,class,p0");
        assertThat(rows).hasSize(1 + SAMPLES);
        long[][] confusion = new long[2][2];
        for (int i = 0; i < SAMPLES; i++) {
            String[] f = rows.get(1 + i).split(",");
            assertThat(f).hasSize(3);
            assertThat(f[0]).isEqualTo(String.valueOf(i));
            int predicted = Integer.parseInt(f[1]);
            // one sigmoid unit: class 1 exactly when p0 >= 0.5
            assertThat(predicted)
                    .as(rows.get(1 + i))
                    .isEqualTo(Double.parseDouble(f[2]) >= 0.5 ? 1 : 0);
            confusion[labels[i]][predicted]++;
        }
        JsonNode e = JSON.readTree(eval.out());
        assertThat(e.get("samples").asInt()).isEqualTo(SAMPLES);
        assertThat(JSON.convertValue(e.get("confusion_matrix"), long[][].class))
                .isEqualTo(confusion);
        double correct = confusion[0][0] + confusion[1][1];
        assertThat(e.get("accuracy").asDouble())
                .isEqualTo(correct / SAMPLES)
                .isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void should_predict_json_lines_with_the_values_of_the_csv() throws IOException {
        // when
        Result csv = dlkit("--threads 2 -q predict", dir.toString(), "--data", DATA.toString());
        Result json =
                dlkit(
                        "--threads 2 -q --format json predict",
                        dir.toString(),
                        "--data",
                        DATA.toString());

        // then
        assertThat(json.exitCode()).as(json.toString()).isZero();
        List<String> rows = csv.out().lines().skip(1).toList();
        List<String> lines = json.out().lines().toList();
        assertThat(lines).hasSize(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            String[] f = rows.get(i).split(",");
            assertThat(lines.get(i))
                    .isEqualTo(
                            "{\"index\": "
                                    + f[0]
                                    + ", \"class\": "
                                    + f[1]
                                    + ", \"probabilities\": ["
                                    + f[2]
                                    + "]}");
            JsonNode line = JSON.readTree(lines.get(i));
            assertThat(line.get("probabilities").get(0).asDouble())
                    .isEqualTo(Double.parseDouble(f[2]));
        }
    }

    @Test
    void should_summarize_the_trained_2_4_1_network_as_a_keras_style_table() {
        // given, by hand: a dense layer has inputs * units weights and units biases, and takes
        // 2 * inputs * units FLOPs (a multiply and an add each) plus units for the biases.
        // dense_1: 2 * 4 + 4 = 12 params, 2 * 2 * 4 + 4 = 20 FLOPs
        // dense_2: 4 * 1 + 1 = 5 params, 2 * 4 * 1 + 1 = 9 FLOPs; in all 17 params, 29 FLOPs
        String expected =
                """
                Layer (type)                Output Shape                 Param #           FLOPs
                ================================================================================
                dense_1 (dense)             (None, 4)                         12              20
                dense_2 (dense)             (None, 1)                          5               9
                ================================================================================
                Total params: 17
                Trainable params: 17
                Non-trainable params: 0
                Forward FLOPs per sample: 29
                """;

        // when
        Result r = dlkit("--threads 2 -q summary", dir.toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).isEqualTo(expected);
    }

    @Test
    void should_summarize_the_model_file_as_json() throws IOException {
        // when
        Result r = dlkit("--threads 2 -q --format json summary", MODEL.toString());

        // then: the numbers of the table above
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode s = JSON.readTree(r.out());
        assertThat(s.get("total_params").asInt()).isEqualTo(17);
        assertThat(s.get("trainable_params").asInt()).isEqualTo(17);
        assertThat(s.get("flops_per_sample").asInt()).isEqualTo(29);
        assertThat(s.get("layers").findValuesAsText("name")).containsExactly("dense_1", "dense_2");
        assertThat(s.get("layers").findValuesAsText("type")).containsExactly("dense", "dense");
        assertThat(s.get("layers").get(0).get("output_shape").toString()).isEqualTo("[4]");
        assertThat(s.get("layers").get(1).get("output_shape").toString()).isEqualTo("[1]");
        assertThat(s.get("layers").get(0).get("params").asInt()).isEqualTo(12);
        assertThat(s.get("layers").get(1).get("params").asInt()).isEqualTo(5);
    }

    private static int[] labels() throws IOException {
        List<String> lines = Files.readAllLines(DATA);
        assertThat(lines.get(0)).isEqualTo("x1,x2,label");
        return lines.stream()
                .skip(1)
                .mapToInt(l -> Integer.parseInt(l.substring(l.lastIndexOf(',') + 1)))
                .toArray();
    }
}
