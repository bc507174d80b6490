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

    private static LmRun.Settings settings(String level, int batch, int steps) {
        return new LmRun.Settings(
                level,
                1,
                new LanguageModels.Shape(steps, 8, "lstm", 16, 2, batch, 0),
                batch,
                1,
                5,
                0,
                0.1);
    }

    private static Map<?, ?> layer(Map<String, Object> model, int i) {
        return (Map<?, ?>) ((List<?>) model.get("layers")).get(i);
    }
}
