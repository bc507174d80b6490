package io.dlkit.plugins.detector.anchors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.command.FakeContext;
import io.dlkit.plugins.detector.labels.LabelSet;
import io.dlkit.plugins.detector.labels.LabelSources;
import io.dlkit.plugins.detector.labels.LabeledBox;
import io.dlkit.plugins.detector.labels.YoloLabels;
import io.dlkit.plugins.detector.synthetic.ShapeOptions;
import io.dlkit.plugins.detector.synthetic.ShapesGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorsCommandTest {
    @TempDir Path dir;

    @Test
    void should_print_anchors_that_beat_the_defaults_on_the_shapes_labels_as_json()
            throws Exception {
        // given: 60 synthetic images' labels (squares of 16..48 px in 128 px images)
        new ShapesGenerator(1, ShapeOptions.DEFAULTS).write(dir, 60);
        FakeContext ctx = new FakeContext("json", 42);

        // when
        int code = ctx.execute("detect", "anchors", "--labels", dir.toString(), "--k", "3");

        // then: the same numbers as the library call with the same seed on the written labels
        LabelSet written = LabelSources.read(dir, List.of());
        assertThat(code).as(ctx.err.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(ctx.out.toString());
        AnchorReport expected = AnchorReport.of(written, 3, 42, 13, 300, 10);
        assertThat(doc.get("k").asInt()).isEqualTo(3);
        assertThat(doc.get("boxes").asInt()).isEqualTo(expected.boxes());
        assertThat(doc.get("mean_iou").asDouble())
                .isEqualTo(expected.clusters().meanIou())
                .isGreaterThan(doc.get("default_mean_iou").asDouble());
        assertThat(doc.get("anchors").get(0).get("width").asDouble())
                .isEqualTo(expected.clusters().anchors().get(0).width());
        // every shape is square: every anchor is nearly square, between 16/128 and 48/128
        for (JsonNode a : doc.get("anchors")) {
            assertThat(a.get("width").asDouble()).isBetween(0.125, 0.375);
            assertThat(a.get("height").asDouble() / a.get("width").asDouble())
                    .isBetween(0.95, 1.05);
        }
    }

    @Test
    void should_print_a_table_with_the_cfg_line() throws Exception {
        // given: two sizes, 0.1 x 0.2 and 0.4 x 0.3, three boxes each
        Path labels = Files.createDirectories(dir.resolve("labels"));
        List<LabeledBox> boxes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            boxes.add(new LabeledBox(0, BoundingBox.fromCenter(0.5f, 0.5f, 0.1f, 0.2f)));
            boxes.add(new LabeledBox(0, BoundingBox.fromCenter(0.5f, 0.5f, 0.4f, 0.3f)));
        }
        YoloLabels.write(labels.resolve("a.txt"), boxes);
        FakeContext ctx = new FakeContext("table", 1);

        // when
        int code = ctx.execute("detect", "anchors", "--labels", labels.toString(), "--k", "2");

        // then: exact clusters, mean IoU 1; 13 cells: 1.3 x 2.6 and 5.2 x 3.9
        assertThat(code).as(ctx.err.toString()).isZero();
        assertThat(ctx.out.toString())
                .contains("mean IoU 1.0000 over 6 boxes")
                .contains("anchors = 1.30,2.60,  5.20,3.90");
    }

    @Test
    void should_fail_with_one_line_on_missing_labels_or_too_few_boxes() throws Exception {
        FakeContext ctx = new FakeContext("table", 1);
        Path missing = dir.resolve("nope");
        assertThat(ctx.execute("detect", "anchors", "--labels", missing.toString())).isEqualTo(2);
        assertThat(ctx.err.toString())
                .isEqualTo(
                        "error: "
                                + missing
                                + ": no such file or folder; check the path"
                                + System.lineSeparator());

        Files.writeString(dir.resolve("one.txt"), "0 0.5 0.5 0.1 0.1\n");
        FakeContext ctx2 = new FakeContext("table", 1);
        assertThat(ctx2.execute("detect", "anchors", "--labels", dir.toString())).isEqualTo(2);
        assertThat(ctx2.err.toString())
                .startsWith("error: detect anchors: " + dir + " holds 1 boxes, fewer than --k 5;");
    }

    @Test
    void should_name_the_subcommand_when_detect_is_given_alone() {
        FakeContext ctx = new FakeContext("table", 1);
        assertThat(ctx.execute("detect")).isEqualTo(2);
        assertThat(ctx.err.toString())
                .contains("detect: missing subcommand; use 'dlkit detect anchors --labels DIR");
    }
}
