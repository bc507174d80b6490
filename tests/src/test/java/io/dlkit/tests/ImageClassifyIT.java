package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny convolutional network trained on an image folder of synthetic 16x16 RGB pictures, bright
 * horizontal bars against vertical ones (40 each), with {@code --augment flip,crop:2} (both keep
 * the class) and {@code --normalize standardize}; then {@code classify}, {@code predict}, {@code
 * eval} and the {@code cnn-zoo/classify} step must agree on a separate probe folder (3 pictures a
 * class). Trained once for all tests.
 */
class ImageClassifyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SIZE = 16;
    private static final String[] CLASSES = {"horizontal", "vertical"};
    private static final String MODEL =
            """
            input_shape: [16, 16, 3]
            layers:
              - {type: conv2d, filters: 8, kernel_size: 3, padding: same, activation: relu}
              - {type: max_pool, pool_size: 2, strides: 2}
              - {type: conv2d, filters: 16, kernel_size: 3, padding: same, activation: relu}
              - {type: max_pool, pool_size: 2, strides: 2}
              - {type: flatten}
              - {type: dense, units: 2, activation: softmax}
            """;

    @TempDir static Path tmp;
    static Path train;
    static Path probe;
    static Path dir;
    static JsonNode trained;

    @BeforeAll
    static void trainOnAnImageFolder() throws IOException {
        Random random = new Random(7);
        train = tmp.resolve("bars");
        probe = tmp.resolve("probe");
        for (int k = 0; k < 2; k++) {
            for (int i = 0; i < 40; i++) {
                bars(k == 1, random, train.resolve(CLASSES[k] + "/" + i + ".png"));
            }
            for (int i = 0; i < 3; i++) {
                bars(k == 1, random, probe.resolve(CLASSES[k] + "/p" + i + ".png"));
            }
        }
        Path model = Files.writeString(tmp.resolve("bars.yaml"), MODEL);
        dir = tmp.resolve("model");
        Result r =
                dlkit(
                        "--threads 2 --seed 3 -q --format json train --epochs 12 --batch-size 16"
                                + " --lr 0.01 --augment flip,crop:2 --normalize standardize"
                                + " --model",
                        model.toString(),
                        "--data",
                        train.toString(),
                        "--test",
                        probe.toString(),
                        "--out",
                        dir.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        trained = JSON.readTree(r.out());
    }

    @Test
    void should_learn_the_bars_and_record_classes_normalization_and_augmentation()
            throws IOException {
        // then
        System.out.println(
                "bars: train accuracy "
                        + trained.get("accuracy")
                        + ", probe accuracy "
                        + trained.get("test_accuracy"));
        assertThat(trained.get("test_accuracy").asDouble()).isGreaterThanOrEqualTo(5 / 6.0);
        JsonNode yaml = new YAMLMapper().readTree(dir.resolve("model.yaml").toFile());
        assertThat(yaml.get("class_names"))
                .extracting(JsonNode::asText)
                .containsExactly("horizontal", "vertical");
        assertThat(yaml.get("training").get("augment").asText()).isEqualTo("flip,crop:2");
        assertThat(yaml.get("training").get("normalize").asText()).isEqualTo("standardize");
        double[][] stats = channelStats(train);
        for (int c = 0; c < 3; c++) {
            assertThat(yaml.get("normalization").get("mean").get(c).asDouble())
                    .as("mean of channel %d", c)
                    .isCloseTo(stats[0][c], within(1e-5));
            assertThat(yaml.get("normalization").get("std").get(c).asDouble())
                    .as("std of channel %d", c)
                    .isCloseTo(stats[1][c], within(1e-5));
        }
    }

    @Test
    void should_classify_as_predict_and_eval_do() throws IOException {
        // given: the image folder's order spreads the classes: h/p0, v/p0, h/p1, v/p1, h/p2, v/p2
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            for (String c : CLASSES) files.add(probe.resolve(c + "/p" + i + ".png"));
        }
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--threads",
                                "2",
                                "-q",
                                "--format",
                                "json",
                                "classify",
                                dir.toString(),
                                "--top-k",
                                "2"));
        files.forEach(f -> args.add(f.toString()));

        // when
        Result classify = DlkitProcess.run(args.toArray(String[]::new));
        Result predict =
                dlkit(
                        "--threads 2 -q --format json predict",
                        dir.toString(),
                        "--data",
                        probe.toString());
        Result eval =
                dlkit(
                        "--threads 2 -q --format json eval",
                        dir.toString(),
                        "--data",
                        probe.toString());

        // then
        assertThat(classify.exitCode()).as(classify.toString()).isZero();
        assertThat(predict.exitCode()).as(predict.toString()).isZero();
        assertThat(eval.exitCode()).as(eval.toString()).isZero();
        JsonNode predictions = JSON.readTree(classify.out()).get("predictions");
        List<String> rows = predict.out().lines().toList();
        assertThat(predictions).hasSize(6);
        assertThat(rows).hasSize(6);
        int correct = 0;
        for (int i = 0; i < 6; i++) {
            JsonNode top = predictions.get(i).get("top");
            JsonNode row = JSON.readTree(rows.get(i));
            assertThat(predictions.get(i).get("image").asText()).isEqualTo(files.get(i).toString());
            assertThat(top.get(0).get("id").asInt())
                    .as("image %d", i)
                    .isEqualTo(row.get("class").asInt());
            assertThat(top.get(0).get("class").asText())
                    .isEqualTo(CLASSES[row.get("class").asInt()]);
            int id = top.get(0).get("id").asInt();
            assertThat(top.get(0).get("probability").asDouble())
                    .isCloseTo(row.get("probabilities").get(id).asDouble(), within(1e-5));
            if (files.get(i).getParent().getFileName().toString().equals(CLASSES[id])) correct++;
        }
        assertThat(JSON.readTree(eval.out()).get("accuracy").asDouble())
                .isEqualTo(correct / 6.0, within(1e-9));
    }

    @Test
    void should_classify_a_folder_as_a_table_and_through_the_pipeline_step() throws IOException {
        // given
        Path pipeline =
                Files.writeString(
                        tmp.resolve("classify.yaml"),
                        """
                name: classify-bars
                steps:
                  - id: classify
                    uses: cnn-zoo/classify
                    with: {model: %s, images: %s, top_k: 1}
                """
                                .formatted(dir, probe));

        // when
        Result table =
                dlkit("--threads 2 -q classify", dir.toString(), probe.toString(), "--top-k", "1");
        Result run =
                dlkit(
                        "--threads 2 -q --format json run",
                        pipeline.toString(),
                        "--out",
                        tmp.resolve("run").toString());
        Result json =
                dlkit(
                        "--threads 2 -q --format json classify",
                        dir.toString(),
                        probe.toString(),
                        "--top-k",
                        "1");

        // then: one header and one row per image, in path order
        assertThat(table.exitCode()).as(table.toString()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).matches("IMAGE +RANK +CLASS +PROBABILITY");
        assertThat(lines.get(1)).startsWith(probe.resolve("horizontal/p0.png").toString());
        assertThat(lines.get(6)).startsWith(probe.resolve("vertical/p2.png").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode stepPredictions = JSON.readTree(run.out()).findValue("classify.predictions");
        assertThat(stepPredictions).as(run.out()).isNotNull();
        assertThat(stepPredictions.toString())
                .isEqualTo(JSON.readTree(json.out()).get("predictions").toString());
    }

    @Test
    void should_reject_bad_augment_and_normalize_options_in_one_line_with_exit_2() {
        // given
        String model = tmp.resolve("bars.yaml").toString();
        String flower = DlkitProcess.ROOT.resolve("samples/data/flower.csv").toString();
        String flowerModel = DlkitProcess.ROOT.resolve("samples/models/flower.yaml").toString();

        // when
        Result rotate =
                dlkit(
                        "-q train --augment rotate --model",
                        model,
                        "--data",
                        train.toString(),
                        "--out",
                        tmp.resolve("never").toString());
        Result minmax =
                dlkit(
                        "-q train --normalize minmax --model",
                        model,
                        "--data",
                        train.toString(),
                        "--out",
                        tmp.resolve("never").toString());
        Result flatFlip =
                dlkit(
                        "-q train --augment flip --model",
                        flowerModel,
                        "--data",
                        flower,
                        "--out",
                        tmp.resolve("never").toString());
        Result scale =
                dlkit(
                        "-q train --normalize scale --model",
                        flowerModel,
                        "--data",
                        flower,
                        "--out",
                        tmp.resolve("never").toString());

        // then
        assertThat(rotate.exitCode()).isEqualTo(2);
        assertThat(rotate.err().strip())
                .isEqualTo(
                        "error: --augment: augmentation 'rotate' is"
                                + " unknown; use flip, crop:P (shift by up to P pixels), both as flip,crop:4, or"
                                + " none");
        assertThat(minmax.exitCode()).isEqualTo(2);
        assertThat(minmax.err().strip())
                .isEqualTo(
                        "error: --normalize minmax: unknown; use none,"
                                + " scale (check features are in [0, 1]) or standardize (per-channel mean and std"
                                + " of the training data)");
        assertThat(flatFlip.exitCode()).isEqualTo(2);
        assertThat(flatFlip.err().strip())
                .isEqualTo(
                        "error: --augment flip: flip and crop augment"
                                + " images of shape [height, width, channels], not [2]");
        assertThat(scale.exitCode()).isEqualTo(2);
        assertThat(scale.err().strip())
                .startsWith("error: --normalize scale: " + flower + " has values in [")
                .endsWith(
                        "], not [0, 1] as images, IDX files and uint8 NPZ arrays give; use"
                                + " --normalize standardize or none")
                .doesNotContain("\n");
    }

    /** A 16x16 picture: dim noise and two bright, tinted bars, horizontal or vertical. */
    private static void bars(boolean vertical, Random random, Path file) throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) img.setRGB(x, y, rgb(random, 0, 60));
        }
        for (int bar = 0; bar < 2; bar++) {
            int at = random.nextInt(SIZE - 1);
            int colour = rgb(random, 180, 255);
            for (int i = 0; i < SIZE; i++) {
                for (int w = 0; w < 2; w++) {
                    if (vertical) img.setRGB(at + w, i, colour);
                    else img.setRGB(i, at + w, colour);
                }
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
    }

    private static int rgb(Random random, int from, int to) {
        int r = from + random.nextInt(to - from + 1);
        int g = from + random.nextInt(to - from + 1);
        int b = from + random.nextInt(to - from + 1);
        return (r << 16) | (g << 8) | b;
    }

    /** The mean and population std of each channel over every training pixel, value / 255. */
    private static double[][] channelStats(Path root) throws IOException {
        double[] sum = new double[3];
        double[] sq = new double[3];
        long n = 0;
        List<Path> files;
        try (var s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".png")).toList();
        }
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    int p = img.getRGB(x, y);
                    int[] v = {(p >> 16) & 255, (p >> 8) & 255, p & 255};
                    for (int c = 0; c < 3; c++) {
                        sum[c] += v[c] / 255.0;
                        sq[c] += (v[c] / 255.0) * (v[c] / 255.0);
                    }
                    n++;
                }
            }
        }
        double[][] stats = new double[2][3];
        for (int c = 0; c < 3; c++) {
            stats[0][c] = sum[c] / n;
            stats[1][c] = Math.sqrt(sq[c] / n - stats[0][c] * stats[0][c]);
        }
        return stats;
    }
}
