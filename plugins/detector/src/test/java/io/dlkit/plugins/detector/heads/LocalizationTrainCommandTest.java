package io.dlkit.plugins.detector.heads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.plugins.detector.command.FakeContext;
import io.dlkit.plugins.detector.synthetic.ShapeOptions;
import io.dlkit.plugins.detector.synthetic.ShapesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalizationTrainCommandTest {
    static final String MODEL =
            """
            input_shape: [32, 32, 3]
            layers:
              - {type: conv2d, filters: 8, kernel_size: 3, padding: same, activation: relu}
              - {type: max_pool, pool_size: 2}
              - {type: conv2d, filters: 16, kernel_size: 3, padding: same, activation: relu}
              - {type: max_pool, pool_size: 2}
              - {type: flatten}
              - {type: dense, units: 32, activation: relu}
              - {type: dense, units: %d}
            """;

    @TempDir Path dir;

    @Test
    void should_train_a_localization_head_from_yolo_label_files() throws Exception {
        // given: 96 images with zero or one shape, YOLO labels, and a model with 5 + 3 outputs
        FakeContext ctx = givenShapesAndModel(new ShapeOptions(32, 0, 1, 8, 16), 96, 8);
        // when
        int code = trainHead(ctx, "localization", "--epochs", "3", "--lr", "0.003");
        // then
        assertThat(code).as(ctx.err.toString()).isZero();
        JsonNode r = new ObjectMapper().readTree(ctx.out.toString());
        assertThat(r.get("epochs").asInt()).isEqualTo(3);
        assertThat(r.get("train_mean_iou").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("train_pc_accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(r.get("loss").asDouble()).isFinite().isPositive();
        assertThat(Files.readString(dir.resolve("m/model.yaml")))
                .containsPattern("head: \"?localization")
                .contains("class_names");
        assertThat(dir.resolve("m/metrics.csv")).exists();
    }

    @Test
    void should_reject_an_image_with_two_boxes_naming_it() throws Exception {
        FakeContext ctx = givenShapesAndModel(new ShapeOptions(32, 2, 2, 8, 10), 3, 8);
        int code = trainHead(ctx, "localization", "--epochs", "1");
        assertThat(code).isEqualTo(2);
        assertThat(ctx.err.toString())
                .contains("shape_00000.png: 2 boxes")
                .contains("at most one object per image");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void should_reject_a_model_whose_output_is_not_five_plus_the_classes() throws Exception {
        FakeContext ctx = givenShapesAndModel(new ShapeOptions(32, 0, 1, 8, 10), 3, 7);
        int code = trainHead(ctx, "localization", "--epochs", "1");
        assertThat(code).isEqualTo(2);
        assertThat(ctx.err.toString()).contains("gives 7 outputs").contains("5 + 3 = 8");
    }

    /**
     * Writes {@code images} shapes (seed 4) to dir/data and {@link #MODEL} with {@code outputs}.
     */
    private FakeContext givenShapesAndModel(ShapeOptions shapes, int images, int outputs)
            throws Exception {
        new ShapesGenerator(4, shapes).write(dir.resolve("data"), images);
        Files.writeString(dir.resolve("model.yaml"), MODEL.formatted(outputs));
        return new FakeContext("json", 1, dir, false);
    }

    /**
     * Runs {@code detect train --head HEAD --data data --model model.yaml --out m} and then {@code
     * more} in {@code ctx}'s folder.
     */
    static int trainHead(FakeContext ctx, String head, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "detect",
                                "train",
                                "--head",
                                head,
                                "--data",
                                "data",
                                "--model",
                                "model.yaml",
                                "--out",
                                "m"));
        args.addAll(List.of(more));
        return ctx.execute(args.toArray(String[]::new));
    }
}
