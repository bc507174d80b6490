package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pipelines/face-id.yaml run as a user runs it: sample1's people enrolled, then a folder holding
 * sample1 and sample3 identified and annotated.
 */
class FacePipelineIT {
    @Test
    void face_id_should_name_the_enrolled_people_and_draw_the_names_on_each_photo(@TempDir Path tmp)
            throws Exception {
        // given: sample1's three people enrolled, and a folder of sample1 and sample3
        Path faces = SharedData.require("data/images/faces");
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (String f : new String[] {"sample1.jpg", "sample3.jpg"}) {
            Files.copy(faces.resolve(f), photos.resolve(f));
        }
        Result enrol =
                DlkitProcess.runIn(
                        tmp,
                        FaceModels.env(),
                        "-q",
                        "face",
                        "enroll",
                        "--name",
                        "group",
                        faces.resolve("sample1.jpg").toString(),
                        "--db",
                        "f.db");
        assertThat(enrol.exitCode()).as(enrol.toString()).isZero();

        // when
        Result r =
                DlkitProcess.runIn(
                        tmp,
                        FaceModels.env(),
                        "-q",
                        "--threads",
                        "2",
                        "--format",
                        "json",
                        "run",
                        DlkitProcess.ROOT.resolve("pipelines/face-id.yaml").toString(),
                        "--set",
                        "photos=photos",
                        "--set",
                        "db=f.db",
                        "--set",
                        "threshold=0.55",
                        "--out",
                        "out");

        // then: sample1's faces are the group at distance ~0, sample3's (nearest 0.604 by
        // face-api's own descriptors) unknown
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out()).get("results");
        int group = 0;
        int unknown = 0;
        for (JsonNode m : results.get("identify.matches")) {
            if (m.get("file").asText().endsWith("sample1.jpg")) {
                assertThat(m.get("name").asText()).isEqualTo("group");
                assertThat(m.get("distance").asDouble()).isLessThan(1e-3);
                group++;
            } else {
                assertThat(m.get("name").asText()).isEqualTo("unknown");
                assertThat(m.get("distance").asDouble()).isGreaterThanOrEqualTo(0.55);
                unknown++;
            }
        }
        assertThat(group).isEqualTo(3);
        assertThat(unknown).isPositive();
        assertThat(results.get("embed.embeddings").get("dimension").asInt()).isEqualTo(128);
        assertThat(results.get("embed.embeddings").get("count").asInt()).isEqualTo(group + unknown);
        assertThat(results.get("landmarks.points")).hasSize(68 * 3);
        assertThat(results.get("identify.boxes")).hasSize(3);
        assertThat(results.get("identify.boxes").get(0).get("class").asText())
                .startsWith("group d=0.00");
        for (String f : new String[] {"sample1", "sample3"}) {
            BufferedImage in = ImageIO.read(photos.resolve(f + ".jpg").toFile());
            BufferedImage out = ImageIO.read(tmp.resolve("out/" + f + "-names.png").toFile());
            assertThat(out.getWidth()).isEqualTo(in.getWidth());
            assertThat(out.getHeight()).isEqualTo(in.getHeight());
        }
    }
}
