package io.dlkit.plugins.embeddings.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code embed train} writes a run manifest beside the vectors; {@code --resume} needs a state. */
class TrainManifestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private FakeContext train(int exit, String... extra) throws Exception {
        Files.writeString(dir.resolve("corpus.txt"), "a b c a b\nc a b c\n".repeat(50));
        String[] base = {
            "embed",
            "train",
            "--text",
            "corpus.txt",
            "--dim",
            "4",
            "--iter",
            "2",
            "--min-count",
            "1",
            "--out",
            "v.txt"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        FakeContext ctx = new FakeContext("table", dir);
        assertThat(ctx.execute(args)).as(ctx.err.toString()).isEqualTo(exit);
        return ctx;
    }

    @Test
    void should_write_the_command_seed_corpus_hash_and_timings_beside_the_vectors()
            throws Exception {
        train(0);

        JsonNode m = JSON.readTree(dir.resolve("v.txt.manifest.json").toFile());
        String sha =
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256")
                                        .digest(Files.readAllBytes(dir.resolve("corpus.txt"))));
        assertThat(m.get("corpus_sha256").asText()).isEqualTo(sha);
        assertThat(m.get("seed").asLong()).isEqualTo(42);
        assertThat(m.get("command").asText())
                .isEqualTo(
                        "dlkit --threads 1 --seed 42 embed train --text corpus.txt --method"
                                + " skipgram --dim 4 --window 5 --negative 5 --sample 0.001"
                                + " --min-count 1 --iter 2 --lr 0.025 --out v.txt");
        assertThat(m.get("versions").get("java").asText())
                .isEqualTo(System.getProperty("java.version"));
        assertThat(m.get("timings").get("train_seconds").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(m.get("corpus_words").asInt()).isEqualTo(450);
        assertThat(dir.resolve("v.txt.state")).doesNotExist();
    }

    @Test
    void should_explain_that_resume_needs_the_state_of_a_stopped_run() throws Exception {
        FakeContext ctx = train(2, "--resume");

        assertThat(ctx.err.toString())
                .contains("--resume: no saved state " + dir.resolve("v.txt.state"))
                .contains("after each pass of a run with the same --out");
        assertThat(dir.resolve("v.txt")).doesNotExist();
    }
}
