package io.dlkit.plugins.embeddings.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embed commands through picocli, on a small corpus with two topics written by the test. */
class EmbedCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @BeforeEach
    void corpus() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 1000; line++) {
            String[] topic =
                    line % 2 == 0
                            ? new String[] {"king", "queen", "prince", "crown", "throne", "royal"}
                            : new String[] {"apple", "pear", "plum", "fruit", "juice", "tree"};
            for (int w = 0; w < 10; w++) {
                text.append(topic[random.nextInt(6)]).append(' ');
            }
            text.append('\n');
        }
        Files.writeString(dir.resolve("corpus.txt"), text);
    }

    private FakeContext run(String format, int exit, String... args) {
        FakeContext ctx = new FakeContext(format, dir);
        assertThat(ctx.execute(args)).as(ctx.err.toString()).isEqualTo(exit);
        return ctx;
    }

    private void train(String method, String out) {
        run(
                "table",
                0,
                "embed",
                "train",
                "--text",
                "corpus.txt",
                "--method",
                method,
                "--dim",
                "16",
                "--window",
                "3",
                "--iter",
                "3",
                "--sample",
                "0",
                "--min-count",
                "1",
                "--out",
                out);
    }

    @Test
    void should_train_then_find_neighbours_of_the_same_topic_as_json() throws IOException {
        // given
        train("skipgram", "v.bin");

        // when
        FakeContext ctx =
                run("json", 0, "embed", "neighbors", "king", "--vectors", "v.bin", "--k", "5");

        // then
        JsonNode doc = JSON.readTree(ctx.out.toString());
        assertThat(doc.get("word").asText()).isEqualTo("king");
        assertThat(doc.get("neighbors")).hasSize(5);
        for (JsonNode n : doc.get("neighbors")) {
            assertThat(n.get("word").asText()).isIn("queen", "prince", "crown", "throne", "royal");
        }
    }

    @Test
    void should_print_the_training_summary_and_write_the_format_asked_for() throws IOException {
        FakeContext ctx = new FakeContext("json", dir);
        assertThat(
                        ctx.execute(
                                "embed",
                                "train",
                                "--text",
                                "corpus.txt",
                                "--method",
                                "cbow",
                                "--dim",
                                "8",
                                "--iter",
                                "1",
                                "--min-count",
                                "1",
                                "--out",
                                "v.txt"))
                .isZero();

        JsonNode doc = JSON.readTree(ctx.out.toString());
        assertThat(doc.get("method").asText()).isEqualTo("cbow");
        assertThat(doc.get("corpus_words").asInt()).isEqualTo(10_000);
        assertThat(doc.get("vocabulary").asInt()).isEqualTo(12);
        assertThat(doc.get("format").asText()).isEqualTo("word2vec-text");
        assertThat(Files.readAllLines(dir.resolve("v.txt")).get(0)).isEqualTo("12 8");
    }

    @Test
    void should_train_glove_and_answer_an_analogy_and_convert() throws IOException {
        train("glove", "g.npz");

        FakeContext analogy =
                run("table", 0, "embed", "analogy", "apple", "pear", "king", "--vectors", "g.npz");
        assertThat(analogy.out.toString()).startsWith("apple : pear :: king : ?\nRANK WORD");

        FakeContext convert =
                run("table", 0, "embed", "convert", "g.npz", "g.txt", "--to", "glove-text");
        assertThat(convert.out.toString())
                .contains("(npz) -> ")
                .contains("(glove-text): 12 words x 16");
        assertThat(Files.readAllLines(dir.resolve("g.txt"))).hasSize(12);
    }

    @Test
    void should_keep_multibyte_words_through_training_and_every_format() throws IOException {
        // given: 2, 3 and 4-byte UTF-8 words
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 300; line++) {
            text.append(line % 2 == 0 ? "東京 大阪 京都 straße\n" : "😀 🎉 naïve café\n");
        }
        Files.writeString(dir.resolve("utf8.txt"), text);
        run(
                "table",
                0,
                "embed",
                "train",
                "--text",
                "utf8.txt",
                "--dim",
                "8",
                "--iter",
                "1",
                "--min-count",
                "1",
                "--sample",
                "0",
                "--out",
                "u.txt");

        // when: through every format and back
        run("table", 0, "embed", "convert", "u.txt", "u.bin");
        run("table", 0, "embed", "convert", "u.bin", "u.npz");
        run("table", 0, "embed", "convert", "u.npz", "u.glove", "--to", "glove-text");

        // then
        for (String file : new String[] {"u.txt", "u.bin", "u.npz", "u.glove"}) {
            FakeContext ctx =
                    run("json", 0, "embed", "neighbors", "東京", "--vectors", file, "--k", "7");
            JsonNode near = JSON.readTree(ctx.out.toString()).get("neighbors");
            assertThat(near)
                    .extracting(n -> n.get("word").asText())
                    .as(file)
                    .containsExactlyInAnyOrder("大阪", "京都", "straße", "😀", "🎉", "naïve", "café");
        }
        assertThat(Files.readString(dir.resolve("u.glove")))
                .isEqualTo(Files.readString(dir.resolve("u.txt")).substring("8 8\n".length()));
    }

    @Test
    void should_evaluate_analogies_per_section() throws IOException {
        train("skipgram", "v.bin");
        Files.writeString(
                dir.resolve("q.txt"),
                ": royal\nking queen prince crown\n: fruit\napple pear" + " plum nothing\n");

        FakeContext ctx = run("json", 0, "embed", "eval-analogy", "q.txt", "--vectors", "v.bin");

        JsonNode doc = JSON.readTree(ctx.out.toString());
        assertThat(doc.get("sections")).hasSize(2);
        assertThat(doc.get("total").get("questions").asInt()).isEqualTo(2);
        assertThat(doc.get("total").get("answered").asInt()).isEqualTo(1);
        assertThat(doc.get("total").get("coverage").asDouble()).isEqualTo(0.5);
    }

    @Test
    void should_debias_and_report_projections() throws IOException {
        train("skipgram", "v.bin");

        FakeContext ctx =
                run(
                        "json",
                        0,
                        "embed",
                        "debias",
                        "--vectors",
                        "v.bin",
                        "--axis",
                        "king-queen",
                        "--neutralize",
                        "crown,throne",
                        "--equalize",
                        "prince-royal",
                        "--out",
                        "d.bin");

        JsonNode doc = JSON.readTree(ctx.out.toString());
        assertThat(doc.get("words")).hasSize(4);
        assertThat(doc.get("words").get(0).get("word").asText()).isEqualTo("crown");
        assertThat(Math.abs(doc.get("words").get(0).get("projection_after").asDouble()))
                .isLessThan(1e-6);
        assertThat(dir.resolve("d.bin")).exists();
    }

    @Test
    void should_draw_a_tsne_map_of_the_listed_words() throws IOException {
        train("skipgram", "v.bin");
        Files.writeString(
                dir.resolve("words.txt"), "king queen prince crown\napple pear plum fruit");

        FakeContext ctx =
                run(
                        "table",
                        0,
                        "embed",
                        "tsne",
                        "--vectors",
                        "v.bin",
                        "--list",
                        "words.txt",
                        "--iter",
                        "300",
                        "--out",
                        "map.png");

        assertThat(ctx.out.toString())
                .startsWith("wrote " + dir.resolve("map.png") + ": 8 words, KL");
        assertThat(ImageIO.read(dir.resolve("map.png").toFile()).getWidth()).isEqualTo(1600);
    }

    @Test
    void should_fail_in_one_line_with_exit_2_on_bad_input() throws IOException {
        train("skipgram", "v.bin");
        Files.writeString(dir.resolve("bad.txt"), "2 2\na 1 2\nb 1\n");

        assertThat(
                        run("table", 2, "embed", "neighbors", "kinq", "--vectors", "v.bin")
                                .err
                                .toString())
                .isEqualTo(
                        "error: 'kinq' is not in the vocabulary of 12 words (did you mean king?);"
                                + " pick a word that is\n");
        assertThat(
                        run("table", 2, "embed", "neighbors", "a", "--vectors", "bad.txt")
                                .err
                                .toString())
                .isEqualTo(
                        "error: "
                                + dir.resolve("bad.txt")
                                + ":3: 'b' has 1 values, expected 2"
                                + " (the header's D); every row needs the same number of values\n");
        assertThat(
                        run(
                                        "table",
                                        2,
                                        "embed",
                                        "train",
                                        "--text",
                                        "corpus.txt",
                                        "--method",
                                        "bengio",
                                        "--out",
                                        "x.bin")
                                .err
                                .toString())
                .isEqualTo("error: --method bengio: unknown; use skipgram, cbow, glove or nlm\n");
        assertThat(
                        run("table", 2, "embed", "train", "--text", "corpus.txt", "--out", "v.bin")
                                .err
                                .toString())
                .isEqualTo("error: " + dir.resolve("v.bin") + ": exists; use --overwrite\n");
        assertThat(run("table", 2, "embed").err.toString())
                .startsWith("error: embed: missing subcommand;");
    }
}
