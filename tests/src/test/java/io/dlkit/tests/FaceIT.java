package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit face} through the packaged CLI on the sample photos, with face-api's weights in a
 * model cache seeded from ../shared/data/models/face-api and its own output as the reference.
 */
class FaceIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> env() {
        return FaceModels.env();
    }

    @Test
    void should_embed_every_face_of_the_samples_close_to_face_api(@TempDir Path tmp)
            throws Exception {
        Path faces = SharedData.require("data/images/faces");
        Path npy = tmp.resolve("faces.npy");
        Result r =
                DlkitProcess.runIn(
                        tmp, env(), "-q", "face", "embed", faces.toString(), "--npy", "faces.npy");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().strip().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).hasSize(9);
        JsonNode ref =
                JSON.readTree(
                        SharedData.require("data/reference/face-api-1.7.15-samples1-3.json")
                                .toFile());
        for (JsonNode line : lines) {
            String image = Path.of(line.get("image").asText()).getFileName().toString();
            double best = Double.MAX_VALUE;
            for (JsonNode face : ref.get(image)) {
                best = Math.min(best, distance(line.get("descriptor"), face.get("descriptor")));
            }
            assertThat(best)
                    .as("distance to face-api's nearest descriptor, %s", line)
                    .isLessThan(0.01);
        }
        byte[] bytes = Files.readAllBytes(npy);
        String header = new String(bytes, 10, 118, java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(header).contains("'shape': (9, 128)").contains("'descr': '<f4'");
    }

    @Test
    void should_verify_each_face_against_its_mirror_image_and_no_other(@TempDir Path tmp)
            throws Exception {
        Path sample = SharedData.require("data/images/faces/sample1.jpg");
        Path mirror = tmp.resolve("mirror.png");
        ImageIO.write(mirrored(ImageIO.read(sample.toFile())), "png", mirror.toFile());
        Result r =
                DlkitProcess.runIn(
                        tmp,
                        env(),
                        "-q",
                        "--format",
                        "json",
                        "face",
                        "verify",
                        sample.toString(),
                        "mirror.png");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        int same = 0;
        int[] sameForA = new int[4];
        for (String line : r.out().strip().split("\n")) {
            JsonNode row = JSON.readTree(line);
            if (row.get("result").asText().equals("same")) {
                same++;
                sameForA[row.get("a_face").asInt()]++;
                assertThat(row.get("distance").asDouble()).isLessThan(0.6);
            }
        }
        assertThat(r.out().strip().split("\n")).hasSize(9);
        assertThat(same).as(r.out()).isEqualTo(3);
        assertThat(sameForA).containsExactly(0, 1, 1, 1);
    }

    @Test
    void should_identify_the_enrolled_people_in_a_resized_copy_and_refuse_a_non_database(
            @TempDir Path tmp) throws Exception {
        Path sample = SharedData.require("data/images/faces/sample1.jpg");
        BufferedImage in = ImageIO.read(sample.toFile());
        int w = in.getWidth() * 3 / 4;
        int h = in.getHeight() * 3 / 4;
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = small.createGraphics();
        g.setRenderingHint(
                java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, 0, 0, w, h, null);
        g.dispose();
        ImageIO.write(small, "png", tmp.resolve("small.png").toFile());
        Result enrol =
                DlkitProcess.runIn(
                        tmp,
                        env(),
                        "-q",
                        "face",
                        "enroll",
                        "--name",
                        "group",
                        sample.toString(),
                        "--db",
                        "f.db");
        assertThat(enrol.exitCode()).as(enrol.toString()).isZero();
        assertThat(enrol.out()).isEqualTo("enrolled 3 face(s) as group in f.db\n");
        Result id =
                DlkitProcess.runIn(
                        tmp, env(), "-q", "face", "identify", "small.png", "--db", "f.db");
        assertThat(id.exitCode()).as(id.toString()).isZero();
        String[] rows = id.out().strip().split("\n");
        assertThat(rows[0]).isEqualTo("file,name,distance");
        assertThat(rows).hasSize(4);
        for (int i = 1; i < 4; i++) {
            assertThat(rows[i]).startsWith("small.png,group,");
        }
        Files.writeString(tmp.resolve("bad.db"), "not a database\n".repeat(50));
        Result bad =
                DlkitProcess.runIn(
                        tmp, env(), "-q", "face", "identify", "small.png", "--db", "bad.db");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err())
                .startsWith("error: bad.db: not a usable face database")
                .hasLineCount(1);
    }

    @Test
    void should_say_in_one_line_which_weights_are_missing_when_offline(@TempDir Path tmp) {
        Path sample = SharedData.require("data/images/faces/sample1.jpg");
        Map<String, String> empty =
                Map.of("DLKIT_MODELS", tmp.resolve("empty").toString(), "DLKIT_OFFLINE", "1");
        Result r = DlkitProcess.runIn(tmp, empty, "-q", "face", "embed", sample.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("error: ssd_mobilenetv1: ssd_mobilenetv1_model-weights_manifest.json")
                .contains("is not in the model cache and fetching is off")
                .hasLineCount(1);
    }

    @Test
    void should_take_the_weights_from_the_models_folder_over_the_store(@TempDir Path tmp) {
        Path sample = SharedData.require("data/images/faces/sample1.jpg");
        String folder = SharedData.require("data/models/face-api").toString();
        Map<String, String> empty =
                Map.of("DLKIT_MODELS", tmp.resolve("empty").toString(), "DLKIT_OFFLINE", "1");
        Result r =
                DlkitProcess.runIn(
                        tmp, empty, "-q", "face", "detect", sample.toString(), "--models", folder);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().strip().split("\n")).hasSize(4);
        assertThat(tmp.resolve("empty")).doesNotExist();
    }

    private static BufferedImage mirrored(BufferedImage in) {
        BufferedImage out =
                new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < in.getHeight(); y++) {
            for (int x = 0; x < in.getWidth(); x++) {
                out.setRGB(in.getWidth() - 1 - x, y, in.getRGB(x, y));
            }
        }
        return out;
    }

    private static double distance(JsonNode a, JsonNode b) {
        double s = 0;
        for (int i = 0; i < a.size(); i++) {
            double d = a.get(i).asDouble() - b.get(i).asDouble();
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
