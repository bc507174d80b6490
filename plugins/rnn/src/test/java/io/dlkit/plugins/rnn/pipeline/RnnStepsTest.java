package io.dlkit.plugins.rnn.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.DlkitException;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
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

/** The rnn steps run the commands' code with their parameters and return declared outputs. */
class RnnStepsTest {
    @TempDir Path dir;

    @Test
    void should_contribute_the_steps_of_the_rnn_commands() {
        RnnStepProvider provider = new RnnStepProvider(new FakeCommandContext(), null);
        assertThat(provider.stepTypes())
                .extracting(StepType::name)
                .containsExactly(
                        "train",
                        "sample",
                        "eval",
                        "classify-train",
                        "classify",
                        "seq2seq-train",
                        "translate");
    }

    @Test
    void should_prepare_the_data_and_run_dlkit_train_with_the_step_parameters() throws IOException {
        // given: 480 characters of text and a small one-layer LSTM for 3 epochs
        Path text = Files.writeString(dir.resolve("t.txt"), "hello world\n".repeat(40));
        FakeCommandContext ctx = new FakeCommandContext();
        TrainStep step = new TrainStep(ctx);
        Map<String, Object> with = new HashMap<>();
        with.put("text", text.toString());
        with.putAll(
                Map.of(
                        "layers",
                        1,
                        "hidden",
                        16,
                        "embedding",
                        4,
                        "seq",
                        8,
                        "batch",
                        2,
                        "epochs",
                        3));
        with.put("learning_rate", 0.01);
        FakeStepContext context = new FakeStepContext(dir.resolve("run"), false);

        // when
        Map<String, Object> out = step.run(context, params(step, with), Map.of());

        // then: dlkit train ran once on the prepared files, into the step's output folder
        Path model = dir.resolve("run").resolve("model");
        assertThat(out.get("model")).isEqualTo(model);
        assertThat(out).containsKey("metrics");
        assertThat(ctx.commands()).hasSize(1);
        List<String> args = ctx.commands().get(0);
        assertThat(args.get(0)).isEqualTo("train");
        assertThat(String.join(" ", args))
                .contains("--epochs 3", "--batch-size 2", "--clip-norm 5.0", "--lr 0.01")
                .contains("--optimizer adam", "--out " + model);
        assertThat(model.resolve("data/train.npz")).exists();
        assertThat(model.resolve("data/val.npz")).exists();
        // the model file: embedding of 'hello world\n' + start newline (9 characters), one
        // stateful LSTM of 16 over 2 streams, a time-distributed dense of 9
        Map<?, ?> lm =
                new ObjectMapper().readValue(model.resolve("data/lm.json").toFile(), Map.class);
        List<?> layers = (List<?>) lm.get("layers");
        assertThat(layers).hasSize(3);
        assertThat(((Map<?, ?>) layers.get(0)).get("vocab")).isEqualTo(9);
        assertThat(((Map<?, ?>) layers.get(1)).get("units")).isEqualTo(16);
        assertThat(((Map<?, ?>) layers.get(1)).get("stateful_batch")).isEqualTo(2);
        assertThat(lm.get("input_shape")).isEqualTo(List.of(8));
    }

    @Test
    void should_reject_an_unknown_cell_before_training() throws IOException {
        Path text = Files.writeString(dir.resolve("t.txt"), "abc\n".repeat(50));
        FakeCommandContext ctx = new FakeCommandContext();
        TrainStep step = new TrainStep(ctx);
        Params p =
                params(step, Map.of("text", text.toString(), "cell", "tcn", "seq", 8, "batch", 2));
        FakeStepContext context = new FakeStepContext(dir.resolve("run"), false);

        assertThatThrownBy(() -> step.run(context, p, Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessageContaining("--cell must be lstm, gru or rnn");
        assertThat(ctx.commands()).isEmpty();
    }

    @Test
    void should_sample_after_the_prime_from_the_model_input() {
        // given: characters "\n", "a", "b"; the model always gives 'b' a logit of 50
        Map<String, Object> description =
                Map.of("layers", List.of(Map.of("type", "embedding", "tokens", "\nab")));
        StubModels store = new StubModels(description, 4, 3, w -> logitsFavouringB(4));
        SampleStep step = new SampleStep(store);
        Params p = params(step, Map.of("prime", "ab", "length", 5, "temperature", 0.5));

        // when
        Map<String, Object> out =
                step.run(new FakeStepContext(dir, false), p, Map.of("model", dir.resolve("m")));

        // then: the prime, then five draws of 'b' (p = 1 - 2e-43 each)
        assertThat(out.get("text")).isEqualTo("abbbbbb");
        assertThat(store.opened).containsExactly(dir.resolve("m"));
    }

    @Test
    void should_open_the_model_dir_parameter_and_refuse_a_model_given_twice() {
        Map<String, Object> description =
                Map.of("layers", List.of(Map.of("type", "embedding", "tokens", "\nab")));
        StubModels store = new StubModels(description, 4, 3, w -> logitsFavouringB(4));
        SampleStep step = new SampleStep(store);
        Path saved = dir.resolve("saved");
        FakeStepContext context = new FakeStepContext(dir, false);

        Map<String, Object> out =
                step.run(context, params(step, Map.of("model_dir", saved.toString())), Map.of());
        Params both = params(step, Map.of("model_dir", saved.toString()));

        assertThat(out.get("text")).isEqualTo("b".repeat(200));
        assertThat(store.opened).containsExactly(saved);
        assertThatThrownBy(() -> step.run(context, both, Map.of("model", saved)))
                .isInstanceOf(DlkitException.class)
                .hasMessage("rnn/sample: give exactly one of inputs.model and with.model_dir");
    }

    @Test
    void should_classify_the_given_texts_with_the_models_class_names() throws IOException {
        // given: a classifier whose class 1 ("positive") wins when the text holds "good"
        List<String> words = List.of(WordVocabulary.UNK, WordVocabulary.EOS, "good", "bad");
        int good = new WordVocabulary(words).encode(List.of("good"))[0];
        Map<String, Object> description =
                Map.of("layers", List.of(Map.of("type", "embedding", "words", words)));
        StubModels store =
                new StubModels(
                        description,
                        6,
                        2,
                        x ->
                                contains(x, good)
                                        ? new float[] {0.2f, 0.8f}
                                        : new float[] {0.9f, 0.1f});
        Path model = Files.createDirectories(dir.resolve("clf/data"));
        Files.writeString(model.resolve("classes.json"), "[\"negative\", \"positive\"]");
        ClassifyStep step = new ClassifyStep(store);
        Params p = params(step, Map.of("texts", List.of("a good film", "bad and long")));

        // when
        Map<String, Object> out =
                step.run(new FakeStepContext(dir, false), p, Map.of("model", dir.resolve("clf")));

        // then
        assertThat(out.get("predictions"))
                .isEqualTo(
                        List.of(
                                Map.of(
                                        "class",
                                        "positive",
                                        "probability",
                                        0.8,
                                        "text",
                                        "a good film"),
                                Map.of(
                                        "class",
                                        "negative",
                                        "probability",
                                        0.9,
                                        "text",
                                        "bad and long")));
        assertThat(out.get("text"))
                .isEqualTo("positive\t0.8000\ta good film\nnegative\t0.9000\tbad and long");
    }

    @Test
    void should_refuse_texts_given_twice() {
        ClassifyStep step = new ClassifyStep(null);
        Params p = params(step, Map.of("texts", List.of("x")));
        Map<String, Object> in = Map.of("model", dir, "text", "y");

        assertThatThrownBy(() -> step.run(new FakeStepContext(dir, false), p, in))
                .isInstanceOf(DlkitException.class)
                .hasMessageContaining(
                        "exactly one of inputs.text, with.texts and with.file (got 2)");
    }

    private static float[] logitsFavouringB(int steps) {
        float[] z = new float[steps * 3];
        for (int t = 0; t < steps; t++) z[t * 3 + 2] = 50f;
        return z;
    }

    private static boolean contains(float[] row, int id) {
        for (float v : row) if (v == id) return true;
        return false;
    }

    private static Params params(StepType step, Map<String, Object> values) {
        Map<String, Object> all = new HashMap<>();
        for (ParamSpec p : step.params()) all.put(p.name(), p.defaultValue());
        all.putAll(values);
        all.entrySet().removeIf(e -> e.getValue() == null);
        return new Params(all);
    }
}
