package io.dlkit.plugins.rnn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.testkit.FakeCommandContext;
import io.dlkit.testkit.FakeStepContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rnn/eval, rnn/seq2seq-train, rnn/translate and rnn/classify-train run the commands' code. */
class RnnTrainAndDecodeStepsTest {
    @TempDir Path dir;

    @Test
    void should_score_a_uniform_character_model_at_log2_vocab_bits() throws IOException {
        // given: characters "\n", "a", "b" and a model giving every character the same logit
        Map<String, Object> description =
                Map.of("layers", List.of(Map.of("type", "embedding", "tokens", "\nab")));
        StubModels store = new StubModels(description, 4, 3, row -> new float[4 * 3]);
        Path text = Files.writeString(dir.resolve("t.txt"), "abba\n");
        EvalStep step = new EvalStep(store);

        // when: "\n" + 5 characters -> 5 predictions
        Map<String, Object> out =
                step.run(
                        new FakeStepContext(dir, false),
                        params(step, Map.of("text", text.toString())),
                        Map.of("model", dir.resolve("m")));

        // then
        Map<?, ?> m = (Map<?, ?>) out.get("metrics");
        assertThat(m.get("characters")).isEqualTo(5L);
        assertThat((Double) m.get("perplexity")).isCloseTo(3, within(1e-9));
        assertThat((Double) m.get("bits_per_char"))
                .isCloseTo(Math.log(3) / Math.log(2), within(1e-9));
    }

    @Test
    void should_score_with_a_wider_window_rebuilt_from_the_weights() throws IOException {
        // given: a model unsure (uniform over 4) at a window's first 3 steps, sure after them,
        // and 9 characters to predict ("\n" + abcabcabc; after c comes a)
        Map<String, Object> config =
                Map.of(
                        "input_shape",
                        List.of(4),
                        "layers",
                        List.of(Map.of("type", "embedding", "tokens", "\nabc")));
        StubModels store =
                new StubModels(
                        Map.of("model", config),
                        4,
                        4,
                        row -> {
                            float[] z = new float[row.length * 4];
                            for (int t = 3; t < row.length; t++)
                                z[t * 4 + ((int) row[t] % 3) + 1] = 100f;
                            return z;
                        });
        Path text = Files.writeString(dir.resolve("t.txt"), "abcabcabc");
        EvalStep step = new EvalStep(store);
        FakeStepContext context = new FakeStepContext(dir, false);
        Map<String, Object> model = Map.of("model", dir.resolve("m"));

        // when: windows of 4 every 2 (6 unsure steps scored), then of 8 every 4 (3)
        Map<?, ?> own =
                (Map<?, ?>)
                        step.run(context, params(step, Map.of("text", text.toString())), model)
                                .get("metrics");
        Map<?, ?> wide =
                (Map<?, ?>)
                        step.run(
                                        context,
                                        params(step, Map.of("text", text.toString(), "window", 8)),
                                        model)
                                .get("metrics");

        // then
        assertThat((Double) own.get("loss")).isCloseTo(6 * Math.log(4) / 9, within(1e-9));
        assertThat((Double) wide.get("loss")).isCloseTo(3 * Math.log(4) / 9, within(1e-9));
        assertThat(store.created.values()).containsExactly(8);
    }

    @Test
    void should_train_an_encoder_decoder_with_the_step_parameters() throws IOException {
        Path pairs = Files.writeString(dir.resolve("p.tsv"), "ab\tba\nba\tab\naa\tbb\nbb\taa\n");
        FakeCommandContext ctx = new FakeCommandContext();
        Seq2SeqTrainStep step = new Seq2SeqTrainStep(ctx);
        Params p = params(step, Map.of("pairs", pairs.toString(), "epochs", 2, "hidden", 8));

        Map<String, Object> out =
                step.run(new FakeStepContext(dir.resolve("run"), false), p, Map.of());

        Path model = dir.resolve("run").resolve("step"); // the step id
        assertThat(out.get("model")).isEqualTo(model);
        assertThat(ctx.commands()).hasSize(1);
        assertThat(String.join(" ", ctx.commands().get(0)))
                .startsWith("train ")
                .contains("--epochs 2", "--loss sequence_cross_entropy", "--lr 0.005")
                .contains("--batch-size 32", "--clip-norm 5", "--out " + model);
        assertThat(Files.readString(model.resolve("data/seq2seq.json")))
                .contains("\"type\":\"seq2seq\"", "\"units\":8");
        assertThat(model.resolve("data/train.npz")).exists();
    }

    @Test
    void should_translate_greedily_or_with_a_beam_and_score_pairs() throws IOException {
        // the decoder test's hand-made model: greedy gives "aaa", a beam of 2 finds "b"
        Map<String, Object> layer =
                Map.of(
                        "type",
                        "seq2seq",
                        "tokens",
                        "\u0002\u0003ab",
                        "source_steps",
                        2,
                        "target_steps",
                        3);
        StubModels store =
                new StubModels(
                        Map.of("layers", List.of(layer)),
                        5,
                        4,
                        RnnTrainAndDecodeStepsTest::afterPrefix);
        Path pairs = Files.writeString(dir.resolve("p.tsv"), "ab\tb\nba\taaa\n");
        TranslateStep step = new TranslateStep(store);
        FakeStepContext context = new FakeStepContext(dir, false);
        Map<String, Object> model = Map.of("model", dir.resolve("m"));

        Map<String, Object> greedy =
                step.run(context, params(step, Map.of("texts", List.of("ab"))), model);
        Map<String, Object> beam =
                step.run(
                        context, params(step, Map.of("pairs", pairs.toString(), "beam", 2)), model);

        assertThat(greedy.get("translations"))
                .isEqualTo(List.of(Map.of("source", "ab", "translation", "aaa")));
        assertThat(beam.get("text")).isEqualTo("ab\tb\nba\tb");
        assertThat(beam.get("metrics")).isEqualTo(Map.of("texts", 2, "exact_match", 0.5));
    }

    @Test
    void should_train_a_classifier_on_a_json_file_with_the_step_parameters() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            json.append(i > 0 ? "," : "")
                    .append(
                            String.format(
                                    "{\"text\": \"%s film\", \"class\": \"%s\"}",
                                    i % 2 == 0 ? "good" : "bad", i % 2 == 0 ? "pos" : "neg"));
        }
        Path data = Files.writeString(dir.resolve("d.json"), json.append("]"));
        FakeCommandContext ctx = new FakeCommandContext();
        ClassifyTrainStep step = new ClassifyTrainStep(ctx);
        Params p = params(step, Map.of("data", data.toString(), "epochs", 3, "seq", 6));

        step.run(new FakeStepContext(dir.resolve("run"), false), p, Map.of());

        Path model = dir.resolve("run").resolve("step"); // the step id
        assertThat(String.join(" ", ctx.commands().get(0)))
                .contains("--epochs 3", "--optimizer adam", "--lr 0.002", "--batch-size 32")
                .contains("--val " + model.resolve("data/val.npz"), "--out " + model);
        assertThat(Files.readString(model.resolve("data/classes.json"))).contains("neg", "pos");
    }

    @Test
    void should_train_a_classifier_on_lists_of_data_and_test_files() throws IOException {
        // given: two sources of 10 texts each to train on and a third of 4 to test on
        Path a = labelled("a.json", 10, "good film", "bad film");
        Path b = labelled("b.json", 10, "great book", "awful book");
        Path c = labelled("c.json", 4, "good book", "bad book");
        FakeCommandContext ctx = new FakeCommandContext();
        ClassifyTrainStep step = new ClassifyTrainStep(ctx);
        Params p = params(step, Map.of("data", List.of(a, b), "test", List.of(c), "seq", 6));

        // when
        step.run(new FakeStepContext(dir.resolve("run"), false), p, Map.of());

        // then: the 20 entries of both split 16/4 (val_split 0.2), the third scored after
        Path model = dir.resolve("run").resolve("step");
        assertThat(ctx.stderr())
                .contains("16 training, 4 validation texts, test " + List.of(c) + ", 2 classes");
        assertThat(String.join(" ", ctx.commands().get(0)))
                .contains("--test " + model.resolve("data/test.npz"));
        assertThat(model.resolve("data/test.npz")).exists();
    }

    @Test
    void should_refuse_an_empty_data_list_with_the_commands_message() {
        FakeCommandContext ctx = new FakeCommandContext();
        ClassifyTrainStep step = new ClassifyTrainStep(ctx);
        Params p = params(step, Map.of("data", List.of()));
        FakeStepContext context = new FakeStepContext(dir.resolve("run"), false);

        assertThatThrownBy(() -> step.run(context, p, Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessage("rnn classify-train: give at least one --data file");
        assertThat(ctx.commands()).isEmpty();
    }

    /** {@code n} entries alternating {@code pos} ({@code good}) and {@code neg} ({@code bad}). */
    private Path labelled(String name, int n, String good, String bad) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            json.append(i > 0 ? "," : "")
                    .append(
                            String.format(
                                    "{\"text\": \"%s\", \"class\": \"%s\"}",
                                    i % 2 == 0 ? good : bad, i % 2 == 0 ? "pos" : "neg"));
        }
        return Files.writeString(dir.resolve(name), json.append("]"));
    }

    /** Log-probabilities per step from the prefix in a row {@code [src, src, GO, y1, y2]}. */
    private static float[] afterPrefix(float[] row) {
        float[] z = new float[3 * 4];
        for (int t = 0; t < 3; t++) {
            int prev = t == 0 ? 0 : (int) row[2 + t];
            double[] p =
                    switch (prev) {
                        case 0 -> new double[] {0, 0, 0.6, 0.4};
                        case 3 -> new double[] {0, 1.0, 0, 0};
                        default -> new double[] {0, 0.45, 0.55, 0};
                    };
            for (int c = 0; c < 4; c++) z[t * 4 + c] = (float) Math.log(Math.max(p[c], 1e-9));
        }
        return z;
    }

    private static Params params(StepType step, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>();
        for (ParamSpec p : step.params()) all.put(p.name(), p.defaultValue());
        all.putAll(values);
        all.entrySet().removeIf(e -> e.getValue() == null);
        return new Params(all);
    }
}
