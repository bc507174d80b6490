package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file in pipelines/ validates with the real plugins, and the ones on shipped data run. */
class ReadyMadePipelinesIT {

    @Test
    void every_ready_made_pipeline_should_validate() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DlkitProcess.ROOT.resolve("pipelines"))) {
            files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path f : files) {
            // the Fashion-MNIST pipeline's default data lives in ../shared; point it at samples
            // when absent
            boolean shared = Files.isDirectory(DlkitProcess.SHARED.resolve("data"));
            assertThat(shared || !SharedData.inCi())
                    .as("CI=true but " + DlkitProcess.SHARED + "/data is missing")
                    .isTrue();
            Result r =
                    shared
                            ? DlkitProcess.run("validate", f.toString())
                            : DlkitProcess.run(
                                    "validate",
                                    f.toString(),
                                    "--set",
                                    "data=samples/data/flower.csv");
            assertThat(r.exitCode()).as(f + "\n" + r).isZero();
        }
    }

    @Test
    void train_flower_should_train_evaluate_and_predict(@TempDir Path out) throws IOException {
        // when
        Result r =
                DlkitProcess.run(
                        "--threads",
                        "2",
                        "-q",
                        "--format",
                        "json",
                        "run",
                        "pipelines/train-flower.yaml",
                        "--out",
                        out.toString());
        // then: the notes' shallow network separates the flower (>= 90%) and every output exists
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        assertThat(results.get("evaluate.metrics").get("accuracy").asDouble())
                .isGreaterThanOrEqualTo(0.90);
        assertThat(results.get("evaluate.metrics").get("samples").asInt()).isEqualTo(400);
        assertThat(results.get("predict.summary").get("samples").asInt()).isEqualTo(400);
        assertThat(out.resolve("model/curves.png")).exists();
        assertThat(out.resolve("manifest.json")).exists();
        List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
        assertThat(csv).hasSize(401);
        assertThat(csv.get(0)).isEqualTo("index,class,p0");
    }

    @Test
    void char_rnn_should_train_a_character_model_and_sample_from_it(@TempDir Path out)
            throws IOException {
        // when: ten epochs of a small LSTM on the shipped 6 KB text
        Result r =
                DlkitProcess.run(
                        "-q",
                        "--threads",
                        "2",
                        "--format",
                        "json",
                        "run",
                        "pipelines/char-rnn.yaml",
                        "--out",
                        out.toString());

        // then: stdout is the run's one JSON document (train's own result went to stderr); the
        // validation loss is well under a uniform guess over the 29 characters (ln 29 = 3.37), and
        // 300 characters are sampled after the prime
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).doesNotContain("model_dir");
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        double valLoss = results.get("train.metrics").get("val_loss").asDouble();
        assertThat(valLoss).isLessThan(2.6);
        assertThat(results.get("train.metrics").get("val_perplexity").asDouble())
                .isCloseTo(Math.exp(valLoss), org.assertj.core.api.Assertions.within(1e-6));
        String text = results.get("sample.text").asText();
        assertThat(text).startsWith("we the people ").hasSize("we the people ".length() + 300);
        assertThat(out.resolve("model/model.yaml")).exists();
        assertThat(out.resolve("model/data/lm.json")).exists();
    }

    @Test
    void annotate_image_should_write_the_annotated_png(@TempDir Path out) throws IOException {
        Result r =
                DlkitProcess.run(
                        "-q", "run", "pipelines/annotate-image.yaml", "--out", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .contains("manifest.json")
                    .anyMatch(n -> n.endsWith(".png"));
        }
    }

    @Test
    void detect_should_write_the_annotated_photo_and_the_detections(@TempDir Path out)
            throws IOException {
        // when: the bundled NanoDet on the bundled photo
        Result r = DlkitProcess.run("-q", "run", "pipelines/detect.yaml", "--out", out.toString());

        // then: the detections document names the dog and the bicycle; the image is drawn
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("detections.json").toFile());
        assertThat(doc.get("width").asInt()).isEqualTo(768);
        List<String> classes = new java.util.ArrayList<>();
        doc.get("detections").forEach(d -> classes.add(d.get("class").asText()));
        assertThat(classes).contains("dog", "bicycle");
        assertThat(out.resolve("detected.jpg")).exists();
    }

    @Test
    void cat_edges_should_write_the_edge_map_and_the_landmarks(@TempDir Path out)
            throws IOException {
        // when
        Result r =
                DlkitProcess.run(
                        "-q",
                        "--threads",
                        "2",
                        "run",
                        "pipelines/cat-edges.yaml",
                        "--set",
                        "filter=scharr",
                        "--out",
                        out.toString());

        // then: the edge map is grey, as large as the photo, with a white strongest edge
        assertThat(r.exitCode()).as(r.toString()).isZero();
        java.awt.image.BufferedImage edges =
                javax.imageio.ImageIO.read(out.resolve("edges.png").toFile());
        assertThat(edges.getWidth()).isEqualTo(300);
        assertThat(edges.getHeight()).isEqualTo(200);
        assertThat(edges.getRaster().getNumBands()).isEqualTo(1);
        int max = 0;
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                max = Math.max(max, edges.getRaster().getSample(x, y, 0));
            }
        }
        assertThat(max).isEqualTo(255);
        assertThat(out.resolve("landmarks.png")).exists();
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.get("outputs").findValuesAsText("path"))
                .containsExactly("edges.png", "landmarks.png");
        assertThat(manifest.get("tensorflow").asText()).isEqualTo("2.18.0");
    }
}
