package io.dlkit.plugins.detector.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.plugins.detector.command.FakeContext;
import io.dlkit.plugins.detector.synthetic.ShapeOptions;
import io.dlkit.plugins.detector.synthetic.ShapesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scaled-down acceptance run (tests/bench/yolo_shapes.sh has the full one): a Tiny-YOLOv2 stack
 * at 64 x 64 and an eighth of the filters, trained from scratch on 48 synthetic images with one
 * shape each, must learn them (a broken loss, feeder or target assignment leaves mAP near 0),
 * resume to one more epoch, and detect through {@code dlkit detect --model DIR}.
 */
class DetectTrainTest {
    @TempDir Path tmp;

    @Test
    void should_train_tiny_yolo_on_shapes_resume_and_detect() throws Exception {
        // given
        new ShapesGenerator(1, new ShapeOptions(64, 1, 1, 20, 36)).write(tmp.resolve("train"), 48);
        Files.writeString(
                tmp.resolve("tiny.yaml"),
                "architecture: yolov2_tiny\ninput_size: 64\nwidth: 0.125\n");
        FakeContext ctx = new FakeContext("json", 1, tmp, false);
        // when
        int code =
                ctx.execute(
                        "detect",
                        "train",
                        "--data",
                        "train",
                        "--model",
                        "tiny.yaml",
                        "--out",
                        "m",
                        "--epochs",
                        "24",
                        "--batch-size",
                        "8",
                        "--lr",
                        "0.003",
                        "--no-augment",
                        "--anchors",
                        "kmeans");
        // then
        assertThat(code).as(ctx.err.toString()).isZero();
        List<String> csv = Files.readAllLines(tmp.resolve("m/metrics.csv"));
        assertThat(csv).hasSize(25);
        double first = Double.parseDouble(csv.get(1).split(",")[2]);
        double last = Double.parseDouble(csv.get(24).split(",")[2]);
        assertThat(last).isLessThan(first / 4);
        assertThat(tmp.resolve("m/curves.png")).isNotEmptyFile();

        // when: resumed for one more epoch, then evaluated on the images it learnt
        FakeContext more = new FakeContext("json", 1, tmp, false);
        assertThat(
                        more.execute(
                                "detect",
                                "train",
                                "--data",
                                "train",
                                "--model",
                                "tiny.yaml",
                                "--out",
                                "m",
                                "--epochs",
                                "25",
                                "--resume"))
                .as(more.err.toString())
                .isZero();
        FakeContext eval = new FakeContext("json", 1, tmp, false);
        assertThat(eval.execute("detect", "eval", "m", "--data", "train"))
                .as(eval.err.toString())
                .isZero();
        // then
        assertThat(Files.readAllLines(tmp.resolve("m/metrics.csv"))).hasSize(26);
        JsonNode doc = new ObjectMapper().readTree(eval.out.toString());
        assertThat(doc.get("map50").asDouble()).as(eval.out.toString()).isGreaterThan(0.5);
        assertThat(tmp.resolve("m/eval/pr.png")).isNotEmptyFile();

        // when: the model folder as a detector
        FakeContext detect = new FakeContext("json", 1, tmp, false);
        assertThat(
                        detect.execute(
                                "detect",
                                "train/images/shape_00000.png",
                                "--model",
                                tmp.resolve("m").toString(),
                                "--out",
                                "ann"))
                .as(detect.err.toString())
                .isZero();
        JsonNode line =
                new ObjectMapper()
                        .readTree(detect.out.toString().lines().findFirst().orElseThrow());
        String truth = Files.readString(tmp.resolve("train/labels/shape_00000.txt")).split(" ")[0];
        assertThat(line.get("detections").get(0).get("class").asText())
                .isEqualTo(ShapesGenerator.CLASSES.get(Integer.parseInt(truth)));
    }
}
