package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit face identify --annotate} and {@code face db export | import} through the packaged
 * CLI, on a database enrolled from sample1.
 */
class FaceDbIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Result dlkit(Path dir, String... args) {
        return DlkitProcess.runIn(dir, FaceModels.env(), args);
    }

    private static void enrolSample1(Path tmp, String db) {
        Path sample = SharedData.require("data/images/faces/sample1.jpg");
        Result r =
                dlkit(
                        tmp,
                        "-q",
                        "face",
                        "enroll",
                        "--name",
                        "group",
                        sample.toString(),
                        "--db",
                        db);
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    /**
     * sample3's people are not sample1's; face-api's own descriptors put the nearest at 0.604, so
     * the threshold is 0.55 here (sample2's people come within 0.49-0.58 of sample1's).
     */
    @Test
    void should_write_json_lines_and_a_copy_with_the_names_drawn(@TempDir Path tmp)
            throws Exception {
        enrolSample1(tmp, "f.db");
        Path sample3 = SharedData.require("data/images/faces/sample3.jpg");
        Path sample1 = SharedData.require("data/images/faces/sample1.jpg");

        Result r =
                dlkit(
                        tmp,
                        "-q",
                        "--format",
                        "json",
                        "face",
                        "identify",
                        sample1.toString(),
                        sample3.toString(),
                        "--db",
                        "f.db",
                        "--threshold",
                        "0.55",
                        "--annotate",
                        "named");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        int group = 0;
        int unknown = 0;
        for (String line : r.out().strip().split("\n")) {
            JsonNode row = JSON.readTree(line);
            assertThat(row.fieldNames())
                    .toIterable()
                    .containsExactly("file", "name", "distance", "box");
            if (row.get("file").asText().endsWith("sample1.jpg")) {
                assertThat(row.get("name").asText()).isEqualTo("group");
                assertThat(row.get("distance").asDouble()).isLessThan(1e-3);
                group++;
            } else {
                assertThat(row.get("name").asText()).isEqualTo("unknown");
                assertThat(row.get("distance").asDouble()).isGreaterThanOrEqualTo(0.55);
                unknown++;
            }
        }
        assertThat(group).isEqualTo(3);
        assertThat(unknown).isPositive();
        BufferedImage in = ImageIO.read(sample1.toFile());
        BufferedImage out = ImageIO.read(tmp.resolve("named/sample1-names.png").toFile());
        assertThat(out.getWidth()).isEqualTo(in.getWidth());
        assertThat(out.getHeight()).isEqualTo(in.getHeight());
        assertThat(differentPixels(in, out))
                .as("pixels the boxes and names changed")
                .isGreaterThan(500);
        assertThat(tmp.resolve("named/sample3-names.png")).exists();
    }

    @Test
    void should_export_and_import_every_descriptor_once_and_refuse_another_model(@TempDir Path tmp)
            throws Exception {
        enrolSample1(tmp, "a.db");

        Result export = dlkit(tmp, "-q", "face", "db", "export", "faces.json", "--db", "a.db");
        Result first = dlkit(tmp, "-q", "face", "db", "import", "faces.json", "--db", "b.db");
        Result again = dlkit(tmp, "-q", "face", "db", "import", "faces.json", "--db", "b.db");

        assertThat(export.out()).isEqualTo("exported 3 descriptor(s) to faces.json\n");
        assertThat(first.out()).isEqualTo("imported 3 descriptor(s) into b.db\n");
        assertThat(again.out()).isEqualTo("imported 0 descriptor(s) into b.db (3 already there)\n");
        JsonNode doc = JSON.readTree(tmp.resolve("faces.json").toFile());
        assertThat(doc.get("model").asText()).startsWith("face-api/face_recognition_model@");
        JsonNode face = doc.get("faces").get(0);
        assertThat(face.get("descriptor")).hasSize(128);
        assertThat(face.get("image_sha256").asText()).hasSize(64);
        assertThat(face.get("box").get("width").asDouble()).isPositive();
        assertThat(face.get("added").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        Result exportB = dlkit(tmp, "-q", "face", "db", "export", "b.json", "--db", "b.db");
        assertThat(exportB.exitCode()).isZero();
        assertThat(JSON.readTree(tmp.resolve("b.json").toFile())).isEqualTo(doc);

        Files.writeString(
                tmp.resolve("other.json"),
                Files.readString(tmp.resolve("faces.json"))
                        .replace(doc.get("model").asText(), "face-api/other@0000"));
        Result refused = dlkit(tmp, "-q", "face", "db", "import", "other.json", "--db", "b.db");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err())
                .startsWith("error: other.json: descriptors of model face-api/other@0000, not of")
                .hasLineCount(1);
        Result list = dlkit(tmp, "-q", "face", "db", "list", "--db", "b.db");
        assertThat(list.out())
                .isEqualTo(
                        "NAME  DESCRIPTORS  MODEL\ngroup  3  " + doc.get("model").asText() + "\n");
    }

    @Test
    void should_keep_every_face_when_two_processes_enrol_into_one_database_at_once(
            @TempDir Path tmp) throws Exception {
        // given: each process enrols all three samples (9 faces, one transaction per image)
        Path faces = SharedData.require("data/images/faces");
        FaceModels.env();

        // when
        CompletableFuture<Result> ann =
                CompletableFuture.supplyAsync(
                        () ->
                                dlkit(
                                        tmp,
                                        "-q",
                                        "face",
                                        "enroll",
                                        "--name",
                                        "ann",
                                        faces.toString(),
                                        "--db",
                                        "f.db"));
        CompletableFuture<Result> bo =
                CompletableFuture.supplyAsync(
                        () ->
                                dlkit(
                                        tmp,
                                        "-q",
                                        "face",
                                        "enroll",
                                        "--name",
                                        "bo",
                                        faces.toString(),
                                        "--db",
                                        "f.db"));

        // then
        assertThat(ann.get().out())
                .as(ann.get().toString())
                .isEqualTo("enrolled 9 face(s) as ann in f.db\n");
        assertThat(bo.get().out())
                .as(bo.get().toString())
                .isEqualTo("enrolled 9 face(s) as bo in f.db\n");
        Result list = dlkit(tmp, "-q", "face", "db", "list", "--db", "f.db");
        assertThat(list.out().lines().skip(1).map(l -> l.substring(0, l.lastIndexOf("  "))))
                .containsExactly("ann  9", "bo  9");
    }

    private static int differentPixels(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if (Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff)) > 40) {
                    n++;
                }
            }
        }
        return n;
    }
}
