package io.dlkit.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.RunSettings;
import io.dlkit.backend.image.Drawing;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.cli.output.AtomicOutputWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the ready-made {@code pipelines/annotate-image.yaml} as a user would, without --set. */
class AnnotateImagePipelineTest {
    private static final Path ROOT = Pipelines.repositoryRoot();
    private static final Path PIPELINE = ROOT.resolve("pipelines/annotate-image.yaml");

    @TempDir Path dir;

    @Test
    void should_run_as_shipped_and_write_the_png_and_the_manifest() throws Exception {
        // given
        Plan plan =
                new PipelineValidator(Pipelines.registry())
                        .validate(PipelineLoader.load(PIPELINE))
                        .planOrThrow();
        Path out = dir.resolve("run");
        RunSettings settings = new RunSettings("cpu", 2, 7L, "table", false, false, false, dir);
        StringWriter progress = new StringWriter();

        // when
        RunResult result =
                new PipelineRunner(new PrintWriter(progress))
                        .run(
                                plan,
                                new RunRequest(
                                        out,
                                        settings,
                                        new AtomicOutputWriter(() -> false),
                                        "0.1.0",
                                        () -> null));

        // then
        Path png = out.resolve("annotated.png");
        assertThat(result.outputs()).containsExactly(png);
        // cat.png is 300x200; width 240 keeps the aspect ratio: 200 * 240 / 300 = 160 rows.
        Image image = Images.read(png);
        assertThat(List.of(image.height(), image.width(), image.channels()))
                .containsExactly(160, 240, 3);
        assertThat(progress.toString().lines())
                .hasSize(4)
                .allMatch(
                        l ->
                                l.matches(
                                        "\\[\\d/4] (load \\(image/load\\)|small \\(image/resize\\)|boxed"
                                                + " \\(image/draw-boxes\\)|save \\(image/save\\)) \\.\\.\\. \\d+ ms"));
        checkManifest(result.manifest(), png);
    }

    @Test
    void should_draw_the_boxes_of_the_json_file() throws Exception {
        // given
        Plan plan =
                new PipelineValidator(Pipelines.registry())
                        .validate(PipelineLoader.load(PIPELINE))
                        .planOrThrow();
        Path out = dir.resolve("run");

        // when
        new PipelineRunner(new PrintWriter(new StringWriter()))
                .run(
                        plan,
                        new RunRequest(
                                out,
                                RunSettings.defaults(),
                                new AtomicOutputWriter(() -> false),
                                "0.1.0",
                                () -> null));

        // then
        Image drawn = Images.read(out.resolve("annotated.png"));
        Image plain =
                Images.resize(Images.read(ROOT.resolve("samples/images/cat.png"), 3), 160, 240);
        // cat-boxes.json: the "cat" box's left edge is x = 14, from y = 2 to 158.
        Color cat = Drawing.colorFor("cat");
        assertThat(drawn.get(80, 14, 0)).isCloseTo(cat.getRed() / 255f, within(0.5f / 255));
        assertThat(drawn.get(80, 14, 1)).isCloseTo(cat.getGreen() / 255f, within(0.5f / 255));
        assertThat(drawn.get(80, 14, 2)).isCloseTo(cat.getBlue() / 255f, within(0.5f / 255));
        // Away from every box the pixels are the resized photo's, up to 8-bit rounding.
        assertThat(drawn.get(100, 60, 1)).isCloseTo(plain.get(100, 60, 1), within(0.51f / 255));
    }

    private void checkManifest(Path manifestFile, Path png) throws IOException {
        JsonNode m = new ObjectMapper().readTree(manifestFile.toFile());
        assertThat(manifestFile.getFileName()).hasToString("manifest.json");
        assertThat(m.get("dlkit_version").asText()).isEqualTo("0.1.0");
        assertThat(m.get("status").asText()).isEqualTo("ok");
        assertThat(m.has("error")).isFalse();
        assertThat(m.has("tensorflow")).isFalse();
        assertThat(Instant.parse(m.get("started_at").asText())).isBefore(Instant.now());
        assertThat(m.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
        assertThat(m.get("os").asText()).startsWith(System.getProperty("os.name"));
        assertThat(m.get("settings").toString())
                .isEqualTo("{\"seed\":7,\"device\":\"cpu\",\"threads\":2}");

        JsonNode pipeline = m.get("pipeline");
        assertThat(pipeline.get("file").asText())
                .isEqualTo(PIPELINE.toAbsolutePath().normalize().toString());
        assertThat(pipeline.get("sha256").asText()).isEqualTo(sha256(PIPELINE));
        assertThat(pipeline.get("name").asText()).isEqualTo("annotate-image");
        assertThat(pipeline.get("steps"))
                .extracting(s -> s.get("id").asText())
                .containsExactly("load", "small", "boxed", "save");
        JsonNode small = pipeline.get("steps").get(1);
        assertThat(small.get("params").toString())
                .isEqualTo("{\"width\":240,\"keep_aspect\":false}");
        assertThat(small.get("inputs").toString()).isEqualTo("{\"image\":\"${load.image}\"}");

        Path cat = ROOT.resolve("samples/images/cat.png").toAbsolutePath().normalize();
        Path boxes = ROOT.resolve("samples/images/cat-boxes.json").toAbsolutePath().normalize();
        assertThat(m.get("inputs"))
                .extracting(i -> i.get("path").asText() + " " + i.get("sha256").asText())
                .containsExactly(cat + " " + sha256(cat), boxes + " " + sha256(boxes));
        assertThat(m.get("outputs"))
                .extracting(
                        o ->
                                o.get("path").asText()
                                        + " "
                                        + o.get("sha256").asText()
                                        + " "
                                        + o.get("bytes").asLong())
                .containsExactly("annotated.png " + sha256(png) + " " + Files.size(png));

        long stepSum = 0;
        for (JsonNode s : m.get("steps")) {
            assertThat(s.get("status").asText()).isEqualTo("ok");
            stepSum += s.get("ms").asLong();
        }
        assertThat(m.get("steps")).hasSize(4);
        assertThat(m.get("total_ms").asLong()).isGreaterThanOrEqualTo(stepSum);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
