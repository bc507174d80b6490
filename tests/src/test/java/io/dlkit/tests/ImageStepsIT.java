package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's box, point and edge steps in a pipeline through the packaged CLI: boxes saved as a
 * detections document and read back, points drawn, and box and point outputs in the JSON results.
 */
class ImageStepsIT {
    @TempDir Path dir;

    private static final String PIPELINE =
            """
            name: steps-e2e
            steps:
              - id: photo
                uses: image/load
                with: {path: black.png, channels: 3}
              - id: found
                uses: boxes/load
                with: {path: boxes.json}
              - id: saved
                uses: boxes/save
                inputs: {boxes: "${found.boxes}", image: "${photo.image}"}
                with: {file: detections.json}
              - id: marks
                uses: points/load
                with: {path: points.json}
              - id: dots
                uses: image/draw-points
                inputs: {image: "${photo.image}", points: "${marks.points}"}
                with: {radius: 2, color: "#00FF00"}
              - id: boxed
                uses: image/draw-boxes
                inputs: {image: "${dots.image}", boxes: "${found.boxes}"}
              - id: save
                uses: image/save
                inputs: {image: "${boxed.image}"}
                with: {file: marked.png}
            """;

    @Test
    void should_save_boxes_draw_points_and_show_both_in_the_results() throws IOException {
        // given: a black 64x48 photo, one box with a class id, one point
        ImageIO.write(
                new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB),
                "png",
                dir.resolve("black.png").toFile());
        Files.writeString(
                dir.resolve("boxes.json"),
                "{\"width\": 64, \"height\": 48, \"detections\": [{\"class_id\": 3, \"class\":"
                        + " \"cat\", \"score\": 0.75, \"box\": {\"x1\": 30, \"y1\": 20, \"x2\": 60,"
                        + " \"y2\": 44}}]}");
        Files.writeString(dir.resolve("points.json"), "[{\"x\": 10.5, \"y\": 10.5}]");
        Path pipeline = Files.writeString(dir.resolve("p.yaml"), PIPELINE);
        Path out = dir.resolve("out");

        // when
        Result r =
                DlkitProcess.runIn(
                        dir,
                        Map.of(),
                        "-q",
                        "--format",
                        "json",
                        "run",
                        pipeline.toString(),
                        "--out",
                        out.toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(r.out()).get("results");
        assertThat(results.get("found.boxes").toString())
                .isEqualTo(
                        "[{\"class_id\":3,\"class\":\"cat\",\"score\":0.75,"
                                + "\"box\":{\"x1\":30.0,\"y1\":20.0,\"x2\":60.0,\"y2\":44.0}}]");
        assertThat(results.get("marks.points").toString())
                .isEqualTo("[{\"x\":10.5,\"y\":10.5,\"label\":null}]");
        assertThat(json.readTree(out.resolve("detections.json").toFile()).toString())
                .isEqualTo(
                        "{\"width\":64,\"height\":48,\"detections\":[{\"class_id\":3,\"class\":"
                                + "\"cat\",\"score\":0.75,\"box\":{\"x1\":30.0,\"y1\":20.0,"
                                + "\"x2\":60.0,\"y2\":44.0}}]}");
        BufferedImage marked = ImageIO.read(out.resolve("marked.png").toFile());
        assertThat(marked.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x00FF00);
        assertThat(marked.getRGB(10, 30) & 0xFFFFFF).as("beyond the dot, left of the box").isZero();
        assertThat(marked.getRGB(30, 32) & 0xFFFFFF).as("the box's left edge").isNotZero();
        assertThat(json.readTree(out.resolve("manifest.json").toFile()).get("outputs").size())
                .isEqualTo(2);
    }

    @Test
    void should_refuse_to_replace_a_saved_boxes_file_without_overwrite() throws IOException {
        // given: the same run twice into one directory, the second with a new manifest name
        should_save_boxes_draw_points_and_show_both_in_the_results();
        Path out = dir.resolve("out");
        Files.delete(out.resolve("manifest.json"));

        // when
        Result r =
                DlkitProcess.runIn(
                        dir,
                        Map.of(),
                        "-q",
                        "run",
                        dir.resolve("p.yaml").toString(),
                        "--out",
                        out.toString());

        // then
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "step 'saved' (boxes/save) failed: "
                                + out.resolve("detections.json")
                                + " already exists; pass --overwrite to replace it");
    }
}
