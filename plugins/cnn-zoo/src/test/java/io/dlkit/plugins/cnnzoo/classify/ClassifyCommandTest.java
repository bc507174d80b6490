package io.dlkit.plugins.cnnzoo.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.FakeModelStore;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit classify} against a fake model on {@code [2, 2, 1]} inputs whose three outputs (cat,
 * dog, fox) follow the mean pixel {@code m}: {@code [m, 3 (1 - m) / 4, (1 - m) / 4]}.
 */
class ClassifyCommandTest {
    @TempDir Path dir;

    private final FakeModelStore store =
            new FakeModelStore(
                    new long[] {2, 2, 1},
                    3,
                    List.of("cat", "dog", "fox"),
                    x -> {
                        float m = 0;
                        for (float v : x) m += v / x.length;
                        return new float[] {m, 0.75f * (1 - m), 0.25f * (1 - m)};
                    });

    @Test
    void should_print_the_top_k_classes_of_each_image_as_a_table() throws Exception {
        // given: 51 / 255 = 0.2 gives [0.2, 0.6, 0.2]; 204 / 255 = 0.8 gives [0.8, 0.15, 0.05]
        Path dark = grey(dir.resolve("dark.png"), 4, 4, 51);
        Path light = grey(dir.resolve("light.png"), 4, 4, 204);
        TestContext ctx = new TestContext("table");

        // when
        int code = ctx.classify(store, "model", dark.toString(), light.toString(), "--top-k", "2");

        // then: cat and fox tie at 0.2 for the dark image, and the lower id ranks first
        assertThat(code).as(ctx.err()).isZero();
        int w = light.toString().length();
        assertThat(ctx.out().lines())
                .containsExactly(
                        pad("IMAGE", w) + "  RANK  CLASS  PROBABILITY",
                        pad(dark.toString(), w) + "     1  dog         0.6000",
                        pad(dark.toString(), w) + "     2  cat         0.2000",
                        pad(light.toString(), w) + "     1  cat         0.8000",
                        pad(light.toString(), w) + "     2  dog         0.1500");
        assertThat(store.opened()).containsExactly(Path.of("model"));
        assertThat(store.closed()).isTrue();
    }

    @Test
    void should_print_one_json_document_with_format_json() throws Exception {
        // given
        Path dark = grey(dir.resolve("dark.png"), 4, 4, 51);
        TestContext ctx = new TestContext("json");

        // when
        int code = ctx.classify(store, "model", dark.toString());

        // then: top-k is cut to the model's 3 classes
        assertThat(code).as(ctx.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(ctx.out());
        assertThat(doc.get("model").asText()).isEqualTo("model");
        assertThat(doc.get("top_k").asInt()).isEqualTo(5);
        JsonNode p = doc.get("predictions").get(0);
        assertThat(p.get("image").asText()).isEqualTo(dark.toString());
        assertThat(p.get("top").findValuesAsText("class")).containsExactly("dog", "cat", "fox");
        assertThat(p.get("top").findValuesAsText("id")).containsExactly("1", "0", "2");
        assertThat(p.get("top").get(0).get("probability").asDouble()).isEqualTo(0.6, within(1e-6));
        assertThat(doc.get("predictions")).hasSize(1);
    }

    @Test
    void should_convert_and_resize_each_image_to_the_model_input() throws Exception {
        // given: a 4x4 RGB image whose 2x2 blocks are red (255, 0, 0), green, blue and white
        int[] rgb = new int[4 * 4 * 3];
        int[][] colours = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                int[] c = colours[(y / 2) * 2 + x / 2];
                System.arraycopy(c, 0, rgb, (y * 4 + x) * 3, 3);
            }
        }
        Path image = write(image(BufferedImage.TYPE_3BYTE_BGR, 4, 4, rgb), dir.resolve("q.png"));

        // when
        int code = new TestContext("table").classify(store, "model", image.toString());

        // then: halving averages each uniform block; grey is the luma 0.299 R + 0.587 G + 0.114 B
        assertThat(code).isZero();
        assertThat(store.fed()).hasSize(1);
        float[] fed = store.fed().get(0);
        float[] expected = {0.299f, 0.587f, 0.114f, 1f};
        for (int i = 0; i < 4; i++) assertThat(fed[i]).isCloseTo(expected[i], within(1e-5f));
    }

    @Test
    void should_classify_every_image_under_a_folder_in_path_order() throws Exception {
        // given
        grey(dir.resolve("set/b/2.png"), 2, 2, 0);
        grey(dir.resolve("set/a/1.jpg"), 2, 2, 0);
        grey(dir.resolve("set/0.png"), 2, 2, 0);
        Files.writeString(dir.resolve("set/notes.txt"), "skipped");
        TestContext ctx = new TestContext("json");

        // when
        int code = ctx.classify(store, "model", dir.resolve("set").toString());

        // then
        assertThat(code).as(ctx.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(ctx.out());
        assertThat(doc.get("predictions").findValuesAsText("image"))
                .containsExactly(
                        dir.resolve("set/0.png").toString(),
                        dir.resolve("set/a/1.jpg").toString(),
                        dir.resolve("set/b/2.png").toString());
    }

    @Test
    void should_read_one_sigmoid_output_as_two_class_probabilities() throws Exception {
        // given: a binary model without class names, output y = 0.8 (class 1)
        FakeModelStore binary =
                new FakeModelStore(new long[] {2, 2, 1}, 1, List.of(), x -> new float[] {0.8f});
        Path img = grey(dir.resolve("x.png"), 2, 2, 0);
        TestContext ctx = new TestContext("json");

        // when
        ctx.classify(binary, "model", img.toString());

        // then
        JsonNode top = new ObjectMapper().readTree(ctx.out()).get("predictions").get(0);
        assertThat(top.get("top").findValuesAsText("class")).containsExactly("1", "0");
        assertThat(top.get("top").get(1).get("probability").asDouble())
                .isEqualTo(0.2, within(1e-6));
    }

    @Test
    void should_fail_with_exit_2_and_one_line_for_bad_input() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Files.createDirectories(dir.resolve("empty"));
        Path img = grey(dir.resolve("x.png"), 2, 2, 0);
        FakeModelStore flat =
                new FakeModelStore(new long[] {784}, 10, List.of(), x -> new float[10]);

        assertError(
                store, "--top-k must be at least 1, got 0", "m", img.toString(), "--top-k", "0");
        assertError(
                store,
                dir.resolve("nope.jpg") + ": no such file or folder",
                "m",
                dir.resolve("nope.jpg").toString());
        assertError(
                store,
                dir.resolve("empty")
                        + ": no images (.bmp, .gif, .jpeg, .jpg, .png) in"
                        + " this folder",
                "m",
                dir.resolve("empty").toString());
        assertError(
                flat,
                "m: classify needs a model whose input is an image [height, width,"
                        + " 1|3|4 channels]; this one takes [784]",
                "m",
                img.toString());
        assertError(store, "missing: no such model directory", "missing", img.toString());
        TestContext ctx = new TestContext("table");
        assertThat(ctx.classify(store, "m", text.toString())).isEqualTo(2);
        assertThat(ctx.err()).startsWith("error: " + text + ": ");
        assertThat(ctx.err().strip().lines()).hasSize(1);
        assertThat(flat.closed()).as("closed after the error").isTrue();
    }

    private static void assertError(FakeModelStore store, String message, String... args) {
        TestContext ctx = new TestContext("table");
        assertThat(ctx.classify(store, args)).as(ctx.err()).isEqualTo(2);
        assertThat(ctx.err()).isEqualTo("error: " + message + System.lineSeparator());
        assertThat(ctx.out()).isEmpty();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    static Path grey(Path file, int h, int w, int value) throws Exception {
        int[] v = new int[h * w];
        Arrays.fill(v, value);
        return write(image(BufferedImage.TYPE_BYTE_GRAY, w, h, v), file);
    }

    static BufferedImage image(int type, int width, int height, int[] samples) {
        BufferedImage bi = new BufferedImage(width, height, type);
        bi.getRaster().setPixels(0, 0, width, height, samples);
        return bi;
    }

    static Path write(BufferedImage image, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        String format = file.toString().endsWith(".jpg") ? "jpg" : "png";
        assertThat(ImageIO.write(image, format, file.toFile())).isTrue();
        return file;
    }
}
