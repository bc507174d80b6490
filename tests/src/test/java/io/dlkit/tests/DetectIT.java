package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dlkit detect} through the packaged CLI with the bundled NanoDet: the README's first
 * command offline with an empty model cache, darknet's demo photos, a folder with broken files,
 * {@code --strict}, and the label and results files.
 */
class DetectIT {
    static final Path DOG = DlkitProcess.ROOT.resolve("samples/images/dog.jpg");
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path tmp;

    private Map<String, String> offline() throws IOException {
        return Map.of(
                "DLKIT_OFFLINE",
                "1",
                "DLKIT_MODELS",
                Files.createDirectories(tmp.resolve("empty-cache")).toString());
    }

    @Test
    void the_readme_command_should_find_the_dog_the_bicycle_and_a_vehicle_offline()
            throws IOException {
        // when: ./dlkit detect samples/images/dog.jpg, on a machine with no model cache, offline
        Result r = DlkitProcess.runIn(tmp, offline(), "detect", DOG.toString());

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("dog.jpg (768x576)").contains(" dog ").contains(" bicycle ");
        assertThat(r.out()).containsAnyOf(" truck ", " car ");
        assertThat(r.err()).doesNotContain("pulling");
        BufferedImage annotated = ImageIO.read(tmp.resolve("runs/detect/exp/dog.jpg").toFile());
        assertThat(annotated.getWidth()).isEqualTo(768);
        assertThat(annotated.getHeight()).isEqualTo(576);

        // a second run never replaces the first
        Result again = DlkitProcess.runIn(tmp, offline(), "-q", "detect", DOG.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(tmp.resolve("runs/detect/exp2/dog.jpg")).exists();
    }

    @Test
    void darknet_photos_should_give_their_objects_with_well_formed_labels_and_results()
            throws IOException {
        // given: a list of the four photos
        Path images = SharedData.require("data/images");
        List<String> names = List.of("dog.jpg", "horses.jpg", "person.jpg", "giraffe.jpg");
        Path list = tmp.resolve("photos.txt");
        Files.writeString(
                list,
                String.join("\n", names.stream().map(n -> images.resolve(n).toString()).toList())
                        + "\n");

        // when
        Result r =
                DlkitProcess.runIn(
                        tmp,
                        offline(),
                        "--format",
                        "json",
                        "detect",
                        list.toString(),
                        "--out",
                        "out",
                        "--save-txt",
                        "--save-coco",
                        "coco.json");

        // then: one JSON line per photo with the expected classes above 0.3
        assertThat(r.exitCode()).as(r.toString()).isZero();
        Map<String, Set<String>> found = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (String line : r.out().strip().split("\n")) {
            JsonNode doc = JSON.readTree(line);
            String file = Path.of(doc.get("file").asText()).getFileName().toString();
            Set<String> classes = new HashSet<>();
            for (JsonNode d : doc.get("detections")) {
                if (d.get("score").asDouble() > 0.3) classes.add(d.get("class").asText());
                JsonNode n = d.get("box_norm");
                assertThat(n.get("w").asDouble()).isBetween(0.0, 1.0);
                assertThat(n.get("cx").asDouble()).isBetween(0.0, 1.0);
            }
            found.put(file, classes);
            counts.put(file, doc.get("detections").size());
        }
        assertThat(found.get("dog.jpg")).contains("dog", "bicycle").containsAnyOf("car", "truck");
        assertThat(found.get("horses.jpg")).contains("horse");
        assertThat(found.get("person.jpg")).contains("person", "dog", "horse");
        assertThat(found.get("giraffe.jpg")).contains("giraffe", "zebra");

        // YOLO labels: one line per detection, class id and four fractions
        int total = 0;
        for (String n : names) {
            String stem = n.substring(0, n.length() - 4);
            List<String> lines = Files.readAllLines(tmp.resolve("out/labels/" + stem + ".txt"));
            assertThat(lines).hasSize(counts.get(n));
            for (String l : lines) {
                String[] f = l.split(" ");
                assertThat(f).hasSize(5);
                assertThat(Integer.parseInt(f[0])).isBetween(0, 79);
                for (int i = 1; i < 5; i++)
                    assertThat(Double.parseDouble(f[i])).isBetween(0.0, 1.0);
            }
            total += lines.size();
            assertThat(tmp.resolve("out/" + n)).exists();
        }
        // COCO results: every detection, official category ids, [x, y, w, h]
        JsonNode coco = JSON.readTree(tmp.resolve("coco.json").toFile());
        assertThat(coco.size()).isEqualTo(total);
        List<Integer> imageIds = new ArrayList<>();
        for (JsonNode d : coco) {
            assertThat(d.get("bbox").size()).isEqualTo(4);
            assertThat(d.get("category_id").asInt()).isBetween(1, 90);
            imageIds.add(d.get("image_id").asInt());
        }
        assertThat(imageIds).containsOnly(1, 2, 3, 4);
    }

    @Test
    void a_folder_with_broken_files_should_process_the_rest_and_strict_should_exit_2()
            throws IOException {
        // given: a good photo, a corrupt file and a truncated JPEG
        Path folder = Files.createDirectories(tmp.resolve("photos"));
        Files.copy(DOG, folder.resolve("a-dog.jpg"));
        Files.writeString(folder.resolve("b-corrupt.png"), "not an image at all");
        byte[] jpeg = Files.readAllBytes(DOG);
        Files.write(folder.resolve("c-truncated.jpg"), java.util.Arrays.copyOf(jpeg, 600));

        // when
        Result r = DlkitProcess.runIn(tmp, offline(), "detect", folder.toString(), "--out", "out");

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err())
                .contains("skipped")
                .contains("b-corrupt.png")
                .contains("c-truncated.jpg");
        assertThat(r.out()).contains("a-dog.jpg (768x576)");
        assertThat(tmp.resolve("out/a-dog.jpg")).exists();

        Result strict =
                DlkitProcess.runIn(
                        tmp, offline(), "detect", folder.toString(), "--out", "out2", "--strict");
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(2);
        assertThat(strict.err()).contains("b-corrupt.png");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result none = DlkitProcess.runIn(tmp, offline(), "detect", empty.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err().strip()).contains("holds no image").doesNotContain("\n");
    }
}
