package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.testkit.SharedData;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit style} as a user runs it, on the shared chelsea.png and starry_night.jpg with the
 * default loss network (mobilenet_v2 from the model cache, seeded as ModelsIT seeds it), at a small
 * size and few iterations.
 */
class StyleIT {
    @TempDir Path dir;
    private StyleImages images;

    private Map<String, String> env() {
        return Map.of("DLKIT_MODELS", dir.resolve("cache").toString());
    }

    @BeforeEach
    void seedModelCache() {
        images = StyleImages.chelseaOnStarryNight();
        Path models = SharedData.require("data/models/nsfwjs/mobilenet_v2");
        DlkitProcess.Result r =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        "models",
                        "import",
                        models.toString(),
                        "--name",
                        "mobilenet_v2");
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @Test
    void should_lower_both_costs_and_write_the_result_and_its_costs_plot() throws Exception {
        // given
        Path out = dir.resolve("cat-starry.png");

        // when
        DlkitProcess.Result r =
                style(out, "--size", "96", "--iterations", "100", "--save-every", "50");

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        BufferedImage result = ImageIO.read(out.toFile());
        assertThat(result.getWidth()).isEqualTo(96); // chelsea is 451x300: the longer side
        assertThat(result.getHeight()).isEqualTo(64);
        assertThat(dir.resolve("cat-starry-costs.png")).isRegularFile();
        assertThat(dir.resolve("cat-starry-0050.png")).isRegularFile();
        assertThat(dir.resolve("cat-starry-0100.png")).isRegularFile();
        float[] content = pair(r.out(), "content_cost");
        float[] style = pair(r.out(), "style_cost");
        assertThat(content[1]).as(r.out()).isLessThan(content[0]);
        assertThat(style[1]).as(r.out()).isLessThan(style[0]);
        float contentImageStyle = pair(r.out(), "content_image_style_cost")[0];
        assertThat(style[1]).as(r.out()).isLessThan(contentImageStyle / 10);
        assertThat(r.err()).contains("100/100  total");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void should_list_the_valid_layers_for_an_unknown_layer() {
        DlkitProcess.Result r = style(dir.resolve("g.png"), "--content-layer", "block4_conv2");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "error: unknown layer 'block4_conv2' in loss network mobilenet_v2; valid"
                                + " layers: Conv1_pad, Conv1, bn_Conv1, Conv1_relu,")
                .contains("block_6_expand_relu");
        assertThat(dir.resolve("g.png")).doesNotExist();
    }

    @Test
    void should_refuse_a_size_too_large_for_memory_with_an_estimate() {
        DlkitProcess.Result r = style(dir.resolve("g.png"), "--size", "60000");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err())
                .containsPattern(
                        "error: --size 60000 \\(60000x39911\\) needs about \\d+ MiB for the image"
                                + " and its copies at that size, but \\d+ MiB are available;"
                                + " give --size \\d+ or less");
    }

    @Test
    void should_run_the_ready_made_pipeline_through_the_nst_style_step() throws Exception {
        // given
        Path out = dir.resolve("run");

        // when
        DlkitProcess.Result r =
                DlkitProcess.runIn(
                        DlkitProcess.ROOT,
                        env(),
                        "-q",
                        "--format",
                        "json",
                        "run",
                        "pipelines/style-transfer.yaml",
                        "--out",
                        out.toString(),
                        "--set",
                        "size=64",
                        "--set",
                        "iterations=30");

        // then: samples/images/cat.png is 300x200, so 64x43, and the style cost fell
        assertThat(r.exitCode()).as(r.toString()).isZero();
        BufferedImage result = ImageIO.read(out.resolve("styled.png").toFile());
        assertThat(result.getWidth()).isEqualTo(64);
        assertThat(result.getHeight()).isEqualTo(43);
        com.fasterxml.jackson.databind.JsonNode costs =
                new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(r.out())
                        .get("results")
                        .get("painted.costs");
        assertThat(costs.get("size").asText()).isEqualTo("64x43");
        assertThat(costs.get("style_cost").get(1).asDouble())
                .isLessThan(costs.get("style_cost").get(0).asDouble());
    }

    /** {@code dlkit style} of chelsea onto the starry night into {@code out}, then {@code more}. */
    private DlkitProcess.Result style(Path out, String... more) {
        return DlkitProcess.runIn(DlkitProcess.ROOT, env(), images.styleArgs(out, more));
    }

    private static float[] pair(String out, String key) {
        Matcher m =
                Pattern.compile("(?m)^" + key + ": \\[?([-0-9.eE]+)(?:, ([-0-9.eE]+))?")
                        .matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return new float[] {
            Float.parseFloat(m.group(1)),
            m.group(2) == null ? Float.NaN : Float.parseFloat(m.group(2))
        };
    }
}
