package io.dlkit.plugins.detector.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dlkit detect} through picocli with the repository's bundled NanoDet and dog photo. */
class DetectCommandTest {
    static final Path DOG = Path.of("../../samples/images/dog.jpg").toAbsolutePath();
    @TempDir static Path dir;

    @BeforeAll
    static void photoAndModelAreInTheRepository() {
        assertThat(RepoModels.available()).as("samples/models/nanodet").isTrue();
        assertThat(DOG).exists();
    }

    @Test
    void should_print_a_json_line_with_dog_bicycle_and_a_vehicle_and_write_labels()
            throws Exception {
        Path work = Files.createDirectories(dir.resolve("one"));
        FakeContext ctx = new FakeContext("json", 1, work, false);

        int code = ctx.execute("detect", DOG.toString(), "--save-txt", "--save-coco", "coco.json");

        assertThat(code).as(ctx.err.toString()).isZero();
        JsonNode line = new ObjectMapper().readTree(ctx.out.toString().strip());
        assertThat(line.get("width").asInt()).isEqualTo(768);
        assertThat(line.get("height").asInt()).isEqualTo(576);
        List<String> classes = new ArrayList<>();
        for (JsonNode d : line.get("detections")) {
            if (d.get("score").asDouble() > 0.3) classes.add(d.get("class").asText());
            double cx = d.get("box_norm").get("cx").asDouble();
            double x1 = d.get("box").get("x1").asDouble();
            double x2 = d.get("box").get("x2").asDouble();
            assertThat(cx * 768)
                    .isCloseTo((x1 + x2) / 2, org.assertj.core.data.Offset.offset(0.05));
        }
        assertThat(classes).contains("dog", "bicycle").containsAnyOf("car", "truck");
        Path out = work.resolve("runs/detect/exp");
        assertThat(out.resolve("dog.jpg")).exists();
        List<String> labels = Files.readAllLines(out.resolve("labels/dog.txt"));
        assertThat(labels).hasSize(line.get("detections").size());
        assertThat(labels.get(0).split(" ")).hasSize(5);
        JsonNode coco = new ObjectMapper().readTree(work.resolve("coco.json").toFile());
        assertThat(coco.size()).isEqualTo(labels.size());
        assertThat(coco.get(0).get("bbox").size()).isEqualTo(4);
    }

    @Test
    void should_skip_a_corrupt_image_in_a_folder_and_fail_on_it_with_strict() throws Exception {
        Path images = Files.createDirectories(dir.resolve("folder"));
        Files.copy(DOG, images.resolve("a.jpg"));
        Files.write(images.resolve("b.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2, 3});
        FakeContext ctx = new FakeContext("table", 1, dir, false);

        int code = ctx.execute("detect", images.toString(), "--out", "out1", "--classes", "dog");

        assertThat(code).as(ctx.err.toString()).isZero();
        assertThat(ctx.err.toString()).contains("skipped").contains("b.jpg");
        assertThat(ctx.out.toString()).contains("a.jpg (768x576)").contains("dog");
        assertThat(ctx.out.toString()).doesNotContain("bicycle");
        assertThat(dir.resolve("out1/a.jpg")).exists();

        FakeContext strict = new FakeContext("table", 1, dir, false);
        assertThat(strict.execute("detect", images.toString(), "--out", "out2", "--strict"))
                .isEqualTo(2);
        assertThat(strict.err.toString()).contains("b.jpg").contains("--strict");
    }

    @Test
    void should_skip_a_decompression_bomb_by_its_header_before_decoding_it() throws Exception {
        // given: a PNG whose header claims 100000 x 100000 pixels (a 30 GB float image)
        Path images = Files.createDirectories(dir.resolve("bomb"));
        Files.write(images.resolve("bomb.png"), pngHeader(100_000, 100_000));
        Files.copy(DOG, images.resolve("dog.jpg"));
        FakeContext ctx = new FakeContext("table", 1, dir, false);

        int code = ctx.execute("detect", images.toString(), "--out", "bomb-out");

        assertThat(code).as(ctx.err.toString()).isZero();
        assertThat(ctx.err.toString())
                .contains("bomb.png: 100000x100000 pixels is over the 40-megapixel limit");
        assertThat(ctx.out.toString()).contains("dog.jpg (768x576)");
    }

    /** The PNG signature and a valid IHDR chunk (8-bit RGB), with no image data. */
    private static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        b.putInt(13);
        int start = b.position();
        b.put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height);
        b.put(new byte[] {8, 2, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b.array(), start, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    @Test
    void should_reject_an_empty_folder_an_unknown_class_and_a_missing_source() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        FakeContext ctx = new FakeContext("table", 1, dir, false);

        assertThat(ctx.execute("detect", empty.toString())).isEqualTo(2);
        assertThat(ctx.err.toString().strip()).contains("holds no image").doesNotContain("\n");
        assertThat(ctx.execute("detect", DOG.toString(), "--classes", "unicorn")).isEqualTo(2);
        assertThat(ctx.execute("detect")).isEqualTo(2);
        assertThat(ctx.err.toString()).contains("unicorn").contains("missing IMAGE");
    }
}
