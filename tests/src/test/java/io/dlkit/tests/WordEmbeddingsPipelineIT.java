package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings plugin's pipeline steps and resumable training through the packaged CLI, on the
 * sample text shipped in samples/text (no shared data needed).
 */
class WordEmbeddingsPipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE =
            DlkitProcess.ROOT.resolve("samples/text/us-founding-texts.txt");

    @Test
    void word_neighbours_should_train_on_the_sample_text_and_print_neighbours(@TempDir Path out)
            throws IOException {
        // when
        Result r =
                DlkitProcess.run(
                        "--threads",
                        "1",
                        "-q",
                        "--format",
                        "json",
                        "run",
                        "pipelines/word-neighbours.yaml",
                        "--out",
                        out.toString());

        // then: the four words each get five neighbours from the vocabulary, best first
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode results = JSON.readTree(r.out()).get("results");
        JsonNode summary = results.get("train.summary");
        assertThat(summary.get("corpus_words").asInt()).isEqualTo(656);
        assertThat(summary.get("vocabulary").asInt()).isEqualTo(72);
        JsonNode near = results.get("neighbours.neighbors");
        for (String word : new String[] {"people", "government", "nation", "states"}) {
            JsonNode list = near.get(word);
            assertThat(list).as(word).hasSize(5);
            assertThat(list.get(0).get("similarity").asDouble())
                    .isGreaterThanOrEqualTo(list.get(4).get("similarity").asDouble());
        }
        assertThat(results.get("neighbours.text").asText().lines())
                .hasSize(4)
                .first()
                .asString()
                .startsWith("people: ");
        assertThat(Files.readAllLines(out.resolve("vectors.txt")).get(0)).isEqualTo("72 24");
        assertThat(out.resolve("manifest.json")).exists();
    }

    @Test
    void a_resumed_run_should_write_the_same_vectors_as_an_uninterrupted_one(@TempDir Path dir)
            throws IOException {
        // given: an uninterrupted run, then a state saved after pass 2 of the same run
        String[] train = {
            "--threads",
            "1",
            "--seed",
            "3",
            "-q",
            "embed",
            "train",
            "--text",
            SAMPLE.toString(),
            "--min-count",
            "3",
            "--dim",
            "12",
            "--iter",
            "4",
            "--out"
        };
        Result whole = DlkitProcess.runIn(dir, Map.of(), concat(train, "whole.txt"));
        assertThat(whole.exitCode()).as(whole.toString()).isZero();
        Result stopped =
                DlkitProcess.runIn(
                        dir, Map.of("DLKIT_EMBED_STOP_AFTER_PASS", "2"), concat(train, "v.txt"));
        assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(1);
        assertThat(dir.resolve("v.txt.state")).exists();
        assertThat(dir.resolve("v.txt")).doesNotExist();

        // when
        Result resumed = DlkitProcess.runIn(dir, Map.of(), concat(train, "v.txt", "--resume"));

        // then
        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(Files.readString(dir.resolve("v.txt")))
                .isEqualTo(Files.readString(dir.resolve("whole.txt")));
        assertThat(dir.resolve("v.txt.state")).doesNotExist();
        JsonNode manifest = JSON.readTree(dir.resolve("v.txt.manifest.json").toFile());
        assertThat(manifest.get("resumed").asBoolean()).isTrue();
        assertThat(manifest.get("corpus_sha256").asText()).hasSize(64);
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
