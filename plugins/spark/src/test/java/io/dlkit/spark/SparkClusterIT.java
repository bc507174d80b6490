package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged distribution on a Spark cluster whose executors are separate JVMs ({@code
 * local-cluster[2,1,1024]}: a Master and two Workers in the driver, each Worker launching an
 * executor JVM from a Spark home that has Spark only), submitted the way docs/spark.md says: the
 * distribution shipped with {@code --archives}, nothing else on the executors.
 */
class SparkClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STARTED = "dlkit executor: started the plugin host from ";

    @TempDir Path work;

    @Test
    void should_detect_on_executor_jvms_that_received_the_distribution_as_an_archive()
            throws Exception {
        // given Spark's own jars as the cluster's Spark home, the distribution as an archive
        assumeTrue(
                Files.isDirectory(DistProcess.DIST.resolve("lib/spark")), "no " + DistProcess.DIST);
        Path photos = DistProcess.SHARED.resolve("data/images");
        assumeTrue(Files.isDirectory(photos), "no shared photos at " + photos);
        ClusterProcess.sparkHome(DistProcess.DIST, work.resolve("spark"));
        ClusterProcess.archive(DistProcess.DIST, work.resolve("dlkit-spark.tar"));
        // and five photos and a corrupt file
        Path imgs = Files.createDirectories(work.resolve("imgs"));
        List<Path> sources;
        try (Stream<Path> s = Files.list(photos)) {
            sources = s.filter(p -> p.toString().endsWith(".jpg")).sorted().limit(5).toList();
        }
        for (Path p : sources) Files.copy(p, imgs.resolve(p.getFileName()));
        Files.writeString(imgs.resolve("zz-corrupt.jpg"), "not an image");

        // when
        DistProcess.Result r =
                ClusterProcess.submit(
                        work,
                        "local-cluster[2,1,1024]",
                        "dlkit-spark.tar#dlkit",
                        "batch",
                        "detect",
                        "--engine",
                        "spark",
                        "--input",
                        "imgs",
                        "--output",
                        "out.parquet",
                        "--partitions",
                        "2",
                        "--jsonl");

        // then the executors, separate JVMs, started dlkit from the unpacked archive
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).contains("batch detect: 6 record(s), 1 error(s)");
        List<String> executorLogs = ClusterProcess.executorLogs(work.resolve("spark/work"));
        assertThat(executorLogs).as("executor stderr files").isNotEmpty();
        assertThat(executorLogs)
                .anySatisfy(
                        log ->
                                assertThat(log)
                                        .containsPattern(
                                                STARTED + ".*/spark/work/app-[^/]+/\\d+/dlkit ")
                                        .contains(
                                                "(batch tasks: classify, detect, embed, face-embed)"));
        // and each input once, the corrupt one as an error row
        Map<String, JsonNode> rows = new HashMap<>();
        List<String> ids = new ArrayList<>();
        try (Stream<Path> parts = Files.list(work.resolve("out.jsonl"))) {
            for (Path p :
                    parts.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                for (String line : Files.readAllLines(p)) {
                    JsonNode n = JSON.readTree(line);
                    ids.add(n.get("id").asText());
                    rows.put(n.get("id").asText(), n);
                }
            }
        }
        List<String> expectedIds = new ArrayList<>();
        for (Path p : sources) expectedIds.add("imgs/" + p.getFileName());
        expectedIds.add("imgs/zz-corrupt.jpg");
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(rows.get("imgs/zz-corrupt.jpg").get("error").asText())
                .startsWith("imgs/zz-corrupt.jpg: ");
        // and the detections of dlkit detect, one by one
        List<String> args =
                new ArrayList<>(List.of("--format", "json", "detect", "--out", "annotated"));
        args.addAll(expectedIds.subList(0, sources.size()));
        DistProcess.Result one = DistProcess.run(work, Map.of(), args.toArray(String[]::new));
        assertThat(one.exitCode()).as(one.toString()).isZero();
        List<JsonNode> expected = one.out().lines().map(SparkClusterIT::parse).toList();
        assertThat(expected).hasSize(sources.size());
        for (JsonNode e : expected) {
            assertSameDetections(rows.get(e.get("file").asText()).get("output"), e);
        }
    }

    private static void assertSameDetections(JsonNode got, JsonNode expected) {
        assertThat(got.get("width")).isEqualTo(expected.get("width"));
        assertThat(got.get("height")).isEqualTo(expected.get("height"));
        JsonNode a = got.get("detections");
        JsonNode b = expected.get("detections");
        assertThat(a.size()).as(expected.get("file").asText()).isEqualTo(b.size());
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

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
