package io.dlkit.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.testkit.SharedData;
import io.dlkit.tests.DlkitProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embeddings plugin through the packaged CLI: word2vec skip-gram on Hamlet (about 26k words,
 * seconds on one thread), then neighbours, an analogy and bad input. Skipped, saying so, without
 * ../shared/data (failed instead when CI=true, see {@link SharedData}).
 */
class EmbeddingsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Result run(Path dir, String... args) {
        return DlkitProcess.runIn(dir, Map.of(), args);
    }

    @Test
    void should_train_on_hamlet_then_answer_neighbours_and_analogies(@TempDir Path tmp)
            throws IOException {
        // given
        Path hamlet = SharedData.require("data/text/hamlet.txt");

        // when
        Result train =
                run(
                        tmp,
                        "--threads",
                        "1",
                        "--seed",
                        "1",
                        "--format",
                        "json",
                        "embed",
                        "train",
                        "--text",
                        hamlet.toString(),
                        "--lowercase",
                        "--min-count",
                        "3",
                        "--dim",
                        "50",
                        "--iter",
                        "3",
                        "--out",
                        "hamlet.bin");

        // then: the corpus summary on stderr, the training summary as JSON on stdout
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.err()).contains("corpus: ").contains("train: 100.0%");
        JsonNode summary = JSON.readTree(train.out());
        assertThat(summary.get("vocabulary").asInt()).isBetween(1000, 2000);
        assertThat(summary.get("dim").asInt()).isEqualTo(50);
        // bin/dlkit gave the JVM the Vector API, and the plugin's class loader reached it
        assertThat(summary.get("arithmetic").asText()).startsWith("simd ");
        assertThat(tmp.resolve("hamlet.bin")).exists();

        Result neighbors =
                run(
                        tmp,
                        "--format",
                        "json",
                        "embed",
                        "neighbors",
                        "king",
                        "--vectors",
                        "hamlet.bin",
                        "--k",
                        "5");
        assertThat(neighbors.exitCode()).as(neighbors.toString()).isZero();
        JsonNode near = JSON.readTree(neighbors.out()).get("neighbors");
        assertThat(near).hasSize(5);
        assertThat(near.get(0).get("similarity").asDouble()).isBetween(-1.0, 1.0);

        Result analogy =
                run(tmp, "embed", "analogy", "man", "woman", "king", "--vectors", "hamlet.bin");
        assertThat(analogy.exitCode()).as(analogy.toString()).isZero();
        assertThat(analogy.out()).startsWith("man : woman :: king : ?\nRANK WORD");
        assertThat(analogy.out().lines().count()).isEqualTo(2 + 5);
        // the three inputs are never answers
        assertThat(analogy.out().lines().skip(2).map(l -> l.split(" +")[1]))
                .doesNotContain("man", "woman", "king");

        Result unknown = run(tmp, "embed", "neighbors", "hamlett", "--vectors", "hamlet.bin");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err())
                .startsWith("error: 'hamlett' is not in the vocabulary of ")
                .contains("(did you mean hamlet")
                .hasLineCount(1);
    }

    @Test
    void should_reject_invalid_utf8_naming_the_byte(@TempDir Path tmp) throws IOException {
        Files.write(tmp.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

        Result r = run(tmp, "embed", "train", "--text", "latin1.txt", "--out", "v.bin");

        assertThat(r.exitCode()).isEqualTo(2);
        // (besides the JVM's line for the Vector API module, which bin/dlkit adds to embed train)
        assertThat(r.err().replace("WARNING: Using incubator modules: jdk.incubator.vector\n", ""))
                .isEqualTo(
                        "error: "
                                + tmp.resolve("latin1.txt")
                                + ": invalid UTF-8 at byte 3; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)\n");
        assertThat(tmp.resolve("v.bin")).doesNotExist();
    }

    @Test
    void should_train_the_neural_language_model_through_dlkit_train(@TempDir Path tmp)
            throws IOException {
        // given: every "animal verb food" sentence ten times; the words of a slot are
        // interchangeable, so each one's nearest neighbours are its slot's other words
        StringBuilder text = new StringBuilder();
        for (int copy = 0; copy < 10; copy++)
            for (String a : new String[] {"cat", "dog", "cow", "horse"})
                for (String v : new String[] {"eats", "likes", "wants"})
                    for (String f : new String[] {"fish", "meat", "hay"})
                        text.append(a).append(' ').append(v).append(' ').append(f).append('\n');
        Files.writeString(tmp.resolve("slots.txt"), text);

        // when
        Result train =
                run(
                        tmp,
                        "--threads",
                        "1",
                        "--seed",
                        "1",
                        "embed",
                        "train",
                        "--text",
                        "slots.txt",
                        "--method",
                        "nlm",
                        "--context",
                        "both",
                        "--window",
                        "1",
                        "--dim",
                        "8",
                        "--hidden",
                        "16",
                        "--iter",
                        "12",
                        "--lr",
                        "0.01",
                        "--min-count",
                        "1",
                        "--out",
                        "slots.bin");

        // then: dlkit train's progress, a loss falling from ln 10 = 2.30 to near the data's
        // entropy (ln 4 + 2 ln 3) / 3 = 1.19, E exported, the model kept
        assertThat(train.exitCode()).as(train.toString()).isZero();
        assertThat(train.err()).contains("epoch 1/12").contains("epoch 12/12");
        JsonNode history = JSON.readTree(tmp.resolve("slots.bin.nlm/model/metrics.json").toFile());
        assertThat(history.get(0).get("loss").asDouble()).isGreaterThan(2.0);
        assertThat(history.get(11).get("loss").asDouble()).isLessThan(1.3);
        assertThat(train.out()).contains("method            nlm");
        Result near =
                run(
                        tmp,
                        "--format",
                        "json",
                        "embed",
                        "neighbors",
                        "cat",
                        "--vectors",
                        "slots.bin",
                        "--k",
                        "3");
        assertThat(near.exitCode()).as(near.toString()).isZero();
        assertThat(JSON.readTree(near.out()).get("neighbors").findValuesAsText("word"))
                .containsExactlyInAnyOrder("dog", "cow", "horse");
    }

    @Test
    void should_train_the_average_sentiment_model_then_classify_sentences(@TempDir Path tmp)
            throws IOException {
        // given: quick vectors (10 passes, dim 50) on the UCI sentences' own text; the 70%
        // acceptance run, with 50 passes, dim 100 and several seeds, is
        // tests/bench/sentiment_accuracy.sh. This setting measured 0.617-0.665 over vector seeds
        // 1-5 (with 5 passes: 0.565-0.602), so the bound sits below that, above chance (0.5)
        Path dir = SharedData.require("data/text/sentiment");
        StringBuilder text = new StringBuilder();
        for (String f : new String[] {"imdb", "yelp", "amazon"})
            for (JsonNode e : JSON.readTree(dir.resolve(f + ".json").toFile()))
                text.append(e.path("text").asText().toLowerCase()).append('\n');
        Files.writeString(tmp.resolve("sentences.txt"), text);
        Result vectors =
                run(
                        tmp,
                        "-q",
                        "--threads",
                        "2",
                        "--seed",
                        "1",
                        "embed",
                        "train",
                        "--text",
                        "sentences.txt",
                        "--dim",
                        "50",
                        "--window",
                        "10",
                        "--min-count",
                        "1",
                        "--iter",
                        "10",
                        "--out",
                        "s.bin");
        assertThat(vectors.exitCode()).as(vectors.toString()).isZero();

        // when
        String data =
                dir.resolve("imdb.json")
                        + ","
                        + dir.resolve("yelp.json")
                        + ","
                        + dir.resolve("amazon.json");
        Result train =
                run(
                        tmp,
                        "--format",
                        "json",
                        "--seed",
                        "1",
                        "embed",
                        "sentiment-train",
                        "--data",
                        data,
                        "--vectors",
                        "s.bin",
                        "--epochs",
                        "10",
                        "--out",
                        "senti");
        Result use =
                run(
                        tmp,
                        "--format",
                        "json",
                        "embed",
                        "sentiment",
                        "senti",
                        "The food was great",
                        "Terrible, I want my money back");

        // then: held-out accuracy well above chance (0.5); one prediction per sentence
        assertThat(train.exitCode()).as(train.toString()).isZero();
        String out = train.out();
        JsonNode summary = JSON.readTree(out.substring(out.lastIndexOf("{\n")));
        assertThat(summary.get("test_sentences").asInt()).isEqualTo(600);
        assertThat(summary.get("test_accuracy").asDouble()).isGreaterThan(0.56);
        assertThat(tmp.resolve("senti/sentiment.json")).exists();
        assertThat(use.exitCode()).as(use.toString()).isZero();
        JsonNode p = JSON.readTree(use.out()).get("predictions");
        assertThat(p).hasSize(2);
        assertThat(p.get(0).get("sentiment").asText()).isIn("negative", "positive");
        assertThat(p.get(0).get("probability").asDouble()).isBetween(0.5, 1.0);
    }
}
