package io.dlkit.plugins.embeddings.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.plugins.embeddings.WordVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentence features by hand, on the vectors good = (1, 0), bad = (0, 1), food = (2, 2). */
class SentenceFeaturesTest {
    private final SentenceFeatures f =
            new SentenceFeatures(
                    new WordVectors(
                            List.of("good", "bad", "food"), new float[] {1, 0, 0, 1, 2, 2}, 2));

    @Test
    void should_find_words_as_written_then_lowercased_skipping_unknown_ones() {
        assertThat(f.rows("Good food, 'not' BAD!")).containsExactly(0, 2, 1);
    }

    @Test
    void should_average_the_vectors_found() {
        // (good + food + bad) / 3 = (3, 3) / 3
        assertThat(f.average("Good food, not bad")).containsExactly(1, 1);
        assertThat(f.average("nothing known")).containsExactly(0, 0);
    }

    @Test
    void should_take_the_first_steps_vectors_and_pad_with_zero_rows() {
        assertThat(f.sequence("bad food good", 2)).containsExactly(0, 1, 2, 2);
        assertThat(f.sequence("good", 3)).containsExactly(1, 0, 0, 0, 0, 0);
    }

    @Test
    void should_count_the_share_of_words_found() {
        assertThat(f.coverage(List.of("good food", "not bad"))).isEqualTo(0.75);
    }
}
