package io.dlkit.tests;

import static io.dlkit.tests.Words.dlkit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit detect anchors} through the packaged CLI and the real detector plugin file: YOLO
 * label files with two box sizes give those two sizes back as anchors, with mean IoU 1; a bad label
 * is one line naming the file and line, exit 2. No TensorFlow is loaded.
 */
class DetectAnchorsIT {
    @TempDir Path tmp;

    @Test
    void should_find_the_two_box_sizes_of_yolo_labels_as_anchors() throws IOException {
        // given: 10 label files, each with boxes 0.1 x 0.2 and 0.4 x 0.3 at various places
        Path labels = Files.createDirectories(tmp.resolve("labels"));
        Files.writeString(labels.resolve("classes.txt"), "a\nb\n");
        for (int i = 0; i < 10; i++) {
            double c = 0.3 + 0.04 * i;
            Files.writeString(
                    labels.resolve("img" + i + ".txt"),
                    "0 " + c + " 0.5 0.1 0.2\n1 0.5 " + c + " 0.4 0.3\n");
        }

        // when
        Result r = dlkit("--seed 3 --format json detect anchors --k 2 --labels", labels.toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("boxes").asInt()).isEqualTo(20);
        assertThat(doc.get("mean_iou").asDouble()).isCloseTo(1.0, within(1e-6));
        // Tiny-YOLOv2 VOC's anchors fit these boxes worse
        assertThat(doc.get("default_mean_iou").asDouble()).isLessThan(0.8);
        JsonNode a = doc.get("anchors");
        assertThat(a.get(0).get("width").asDouble()).isCloseTo(0.1, within(1e-6));
        assertThat(a.get(0).get("height").asDouble()).isCloseTo(0.2, within(1e-6));
        assertThat(a.get(1).get("width").asDouble()).isCloseTo(0.4, within(1e-6));
        assertThat(a.get(1).get("height_cells").asDouble()).isCloseTo(3.9, within(1e-5));
        assertThat(doc.get("cfg_anchors").asText()).isEqualTo("1.30,2.60,  5.20,3.90");
    }

    @Test
    void should_report_a_bad_label_by_file_and_line_and_exit_2() throws IOException {
        Path labels = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(labels.resolve("a.txt"), "0 0.5 0.5 0.1 0.1\n");
        Path bad = Files.writeString(labels.resolve("b.txt"), "0 0.5 0.5 0.1 0.1\n1 0.5 0.5 0.1\n");

        Result r = dlkit("detect anchors --k 1 --labels", labels.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: "
                                + bad
                                + ":2: expected 5 fields 'class cx cy w h', got 4; each line is"
                                + " 'class cx cy w h' with cx, cy, w, h in [0, 1]\n");
        assertThat(r.out()).isEmpty();
    }
}
