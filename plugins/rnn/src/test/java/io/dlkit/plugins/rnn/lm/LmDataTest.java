package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What rnn train hands to dlkit train: stateful layers sized to the streams, held-out tail. */
class LmDataTest {
    private static final String TEXT = "the cat sat on the mat\n".repeat(40);

    @Test
    void should_make_stateful_layers_that_restart_once_per_epoch() {
        // 40 lines x 23 characters + the leading newline = 921 ids; 90% = 829 for training
        LmRun.Settings s = settings("char", 4, 8);
        LmData d = LmData.prepare(TEXT, s);
        // 4 streams of (829 - 1) / 4 = 207 positions -> 25 windows of 8 each -> 100 rows
        assertThat(d.train().size()).isEqualTo(100);
        Map<?, ?> lstm = layer(d.model(), 1);
        assertThat(lstm.get("stateful_batch")).isEqualTo(4);
        assertThat(lstm.get("reset_every")).isEqualTo(25);
        // 92 held-out targets in windows of 8 every 4 (the first 4 of each but the first masked)
        assertThat(d.validation().size()).isEqualTo(1 + (92 - 8) / 4);
    }

    @Test
    void should_build_the_word_vocabulary_from_the_training_part_with_unk_and_eos() {
        LmData d = LmData.prepare(TEXT + "zebra zebra\n", settings("word", 2, 4));
        @SuppressWarnings("unchecked")
        List<Object> words = (List<Object>) layer(d.model(), 0).get("words");
        assertThat(words.subList(0, 3)).containsExactly("<unk>", "</s>", "the");
        assertThat(words).doesNotContain("zebra"); // only in the held-out tail
        assertThat(layer(d.model(), 3).get("units")).isEqualTo(words.size());
    }

    @Test
    void should_put_inverted_dropout_after_each_recurrent_layer_and_keep_it_stateful() {
        LanguageModels.Shape shape =
                new LanguageModels.Shape(8, 8, "lstm", 16, 2, 4, 0).withDropout(0.25);
        LmData d = LmData.prepare(TEXT, settings("char", 4, shape));
        List<?> layers = (List<?>) d.model().get("layers");
        // embedding, lstm, dropout, lstm, dropout, time_dense
        assertThat(layers).hasSize(6);
        for (int i : new int[] {2, 4}) {
            assertThat(layer(d.model(), i).get("type")).isEqualTo("dropout");
            assertThat(layer(d.model(), i).get("keep_prob")).isEqualTo(0.75);
        }
        assertThat(layer(d.model(), 3).get("reset_every")).isEqualTo(25);
        assertThat(layer(d.model(), 5).get("type")).isEqualTo("time_dense");
    }

    @Test
    void should_refuse_a_dropout_outside_zero_to_one() {
        LanguageModels.Shape shape = new LanguageModels.Shape(8, 8, "lstm", 16, 1, 4, 0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> shape.withDropout(1.0))
                .hasMessageContaining("--dropout must be in [0, 1)");
        assertThat(LmData.prepare(TEXT, settings("char", 4, 8)).model().toString())
                .doesNotContain("dropout");
    }

    private static LmRun.Settings settings(String level, int batch, int steps) {
        return settings(level, batch, new LanguageModels.Shape(steps, 8, "lstm", 16, 2, batch, 0));
    }

    private static LmRun.Settings settings(String level, int batch, LanguageModels.Shape shape) {
        return new LmRun.Settings(level, 1, shape, batch, 1, 5, 0, 0.1);
    }

    private static Map<?, ?> layer(Map<String, Object> model, int i) {
        return (Map<?, ?>) ((List<?>) model.get("layers")).get(i);
    }
}
