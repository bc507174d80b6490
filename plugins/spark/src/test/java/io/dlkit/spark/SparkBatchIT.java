package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged Spark distribution end to end: {@code dlkit batch detect} on local[2,3] over 200
 * images (copies of the shared photos and the samples, 3 of them corrupt) with one task attempt
 * made to fail, against {@code dlkit detect --format json} one by one.
 */
class SparkBatchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IMAGES = 200;
    private static final List<String> CORRUPT =
            List.of("imgs/zz-empty.jpg", "imgs/zz-garbage.png", "imgs/zz-truncated.jpg");

    @TempDir static Path work;
    private static Set<String> ids;

    @BeforeAll
    static void images() throws Exception {
        Path dir = Files.createDirectories(work.resolve("imgs"));
        List<Path> photos = new ArrayList<>();
        for (Path folder :
                List.of(
                        DistProcess.SHARED.resolve("data/images"),
                        DistProcess.ROOT.resolve("samples/images"))) {
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(p -> p.toString().matches(".*\\.(jpg|png)$"))
                        .sorted()
                        .forEach(photos::add);
            }
        }
        ids = new TreeSet<>();
        for (int i = 0; i < IMAGES - CORRUPT.size(); i++) {
            Path src = photos.get(i % photos.size());
            String name = String.format("%03d-%s", i, src.getFileName());
            Files.copy(src, dir.resolve(name));
            ids.add("imgs/" + name);
        }
        byte[] dog = Files.readAllBytes(DistProcess.ROOT.resolve("samples/images/dog.jpg"));
        Files.write(dir.resolve("zz-empty.jpg"), new byte[0]);
        Files.writeString(dir.resolve("zz-garbage.png"), "not an image");
        Files.write(dir.resolve("zz-truncated.jpg"), java.util.Arrays.copyOf(dog, 4000));
        ids.addAll(CORRUPT);
    }

    @Test
    void should_detect_as_dlkit_detect_with_error_rows_and_each_input_once_after_a_retry()
            throws Exception {
        // given the first attempt of the task holding image 50 fails
        String victim =
                ids.stream().filter(i -> i.startsWith("imgs/050-")).findFirst().orElseThrow();
        // and the executors start their own plugin host from the distribution, as on a cluster
        Map<String, String> env =
                Map.of(
                        "DLKIT_JAVA_OPTS",
                        "-Ddlkit.batch.failOnce="
                                + victim
                                + " -Ddlkit.batch.isolatedExecutors=true");

        // when
        DistProcess.Result r =
                DistProcess.run(
                        work,
                        env,
                        "batch",
                        "detect",
                        "--input",
                        "imgs",
                        "--output",
                        "out.parquet",
                        "--engine",
                        "spark",
                        "--master",
                        "local[2,3]",
                        "--jsonl");

        // then every input exactly once, the corrupt ones as error rows, after a retried task
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("injected failure at " + victim);
        assertThat(r.err())
                .contains("dlkit executor: started the plugin host from " + DistProcess.DIST)
                .contains("batch tasks: classify, detect, embed, face-embed)");
        assertThat(r.err()).contains("batch detect: 200 record(s), 3 error(s)");
        Map<String, JsonNode> rows = new HashMap<>();
        List<String> seen = new ArrayList<>();
        for (JsonNode row : jsonLines(work.resolve("out.jsonl"))) {
            seen.add(row.get("id").asText());
            rows.put(row.get("id").asText(), row);
        }
        assertThat(seen).hasSize(IMAGES).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(ParquetFiles.read(work.resolve("out.parquet").toUri().toString()))
                .extracting(InputRow::id)
                .containsExactlyInAnyOrderElementsOf(ids);
        for (String bad : CORRUPT) {
            assertThat(rows.get(bad).get("error").asText()).startsWith(bad + ": ");
            assertThat(rows.get(bad).get("output").isNull()).isTrue();
        }
        assertThat(rows.values().stream().filter(n -> n.get("error").isNull())).hasSize(197);

        // and the same detections as dlkit detect, one by one, on four of them
        List<String> sample =
                List.of(
                        "imgs/000-" + first(),
                        victim,
                        "imgs/101-" + name(101),
                        "imgs/196-" + name(196));
        List<String> args =
                new ArrayList<>(List.of("--format", "json", "detect", "--out", "annotated"));
        args.addAll(sample);
        DistProcess.Result one = DistProcess.run(work, Map.of(), args.toArray(String[]::new));
        assertThat(one.exitCode()).as(one.toString()).isZero();
        List<JsonNode> expected = one.out().lines().map(SparkBatchIT::parse).toList();
        assertThat(expected).hasSize(sample.size());
        for (JsonNode e : expected) {
            JsonNode got = rows.get(e.get("file").asText()).get("output");
            assertSameDetections(got, e);
        }
    }

    @Test
    void should_run_the_spark_batch_pipeline_step() throws Exception {
        // given three photos and a pipeline with one spark/batch step (the local engine)
        Path few = Files.createDirectories(work.resolve("few"));
        for (String id :
                List.of("imgs/000-" + first(), "imgs/001-" + name(1), "imgs/002-" + name(2))) {
            Files.copy(work.resolve(id), few.resolve(Path.of(id).getFileName()));
        }
        Files.writeString(
                work.resolve("batch.yaml"),
                "name: batch-detect\n"
                        + "steps:\n"
                        + "  - id: boxes\n"
                        + "    uses: spark/batch\n"
                        + "    with: {task: detect, input: few, output: boxes.parquet, options: {conf: 0.3}}\n");

        // when
        DistProcess.Result r = DistProcess.run(work, Map.of(), "run", "batch.yaml", "--out", "run");

        // then
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<InputRow> rows =
                ParquetFiles.read(work.resolve("run/boxes.parquet").toUri().toString());
        assertThat(rows)
                .extracting(InputRow::id)
                .containsExactlyInAnyOrder(
                        "few/000-" + first(), "few/001-" + name(1), "few/002-" + name(2));
        assertThat(Files.readString(work.resolve("run/manifest.json")))
                .contains("boxes.parquet/part-00000");
    }

    @Test
    void should_report_spark_in_doctor() throws Exception {
        DistProcess.Result r = DistProcess.run(work, Map.of(), "doctor");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("spark: 3.5.8 (add-on dlkit-spark)");
    }

    private static void assertSameDetections(JsonNode got, JsonNode expected) {
        assertThat(got.get("width")).isEqualTo(expected.get("width"));
        assertThat(got.get("height")).isEqualTo(expected.get("height"));
        JsonNode a = got.get("detections");
        JsonNode b = expected.get("detections");
        assertThat(a.size()).as(expected.get("file").asText()).isEqualTo(b.size()).isPositive();
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).get("class_id")).isEqualTo(b.get(i).get("class_id"));
            assertThat(a.get(i).get("score").asDouble())
                    .isCloseTo(b.get(i).get("score").asDouble(), within(1e-4));
            for (String k : List.of("x1", "y1", "x2", "y2")) {
                assertThat(a.get(i).get("box").get(k).asDouble())
                        .isCloseTo(b.get(i).get("box").get(k).asDouble(), within(1e-4));
            }
        }
    }

    private static String first() {
        return name(0);
    }

    private static String name(int i) {
        String prefix = String.format("imgs/%03d-", i);
        return ids.stream()
                .filter(s -> s.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length());
    }

    private static List<JsonNode> jsonLines(Path dir) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path p :
                    parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                Files.readAllLines(p).forEach(l -> out.add(parse(l)));
            }
        }
        return out;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
