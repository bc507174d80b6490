package io.dlkit.plugins.embeddings.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarityTest {
    // 2-D toy space: gender on x, royalty on y; lengths differ so cosine is not the dot product
    private static final WordVectors TOY =
            new WordVectors(
                    List.of("man", "woman", "king", "queen", "apple", "kind"),
                    new float[] {1, 0, -2, 0, 1, 1, -3, 3, 0.1f, -1, 0.9f, 0.5f},
                    2);

    @Test
    void should_rank_neighbours_by_cosine_excluding_the_word() {
        List<Similarity.Scored> near = new Similarity(TOY).neighbors("king", 2);

        // cos(king, kind) = (0.9 + 0.5) / (sqrt 2 * sqrt 1.06) = 0.96152; cos(king, man) = 1/sqrt2
        assertThat(near).extracting(Similarity.Scored::word).containsExactly("kind", "man");
        assertThat(near.get(0).similarity()).isCloseTo(1.4 / Math.sqrt(2 * 1.06), within(1e-6));
        assertThat(near.get(1).similarity()).isCloseTo(1 / Math.sqrt(2), within(1e-6));
    }

    @Test
    void should_answer_man_woman_king_with_queen_excluding_the_inputs() {
        // unit vectors: woman - man + king = (-1, 0) - (1, 0) + (0.7071, 0.7071) = (-1.29, 0.71);
        // queen (-0.71, 0.71) is closest; "king" itself would be second if not excluded
        List<Similarity.Scored> answers = new Similarity(TOY).analogy("man", "woman", "king", 6);

        assertThat(answers.get(0).word()).isEqualTo("queen");
        assertThat(answers)
                .extracting(Similarity.Scored::word)
                .doesNotContain("man", "woman", "king");
        assertThat(answers).hasSize(3);
        double tx = -1 - 1 + Math.sqrt(0.5);
        double ty = Math.sqrt(0.5);
        assertThat(answers.get(0).similarity())
                .isCloseTo((-tx + ty) / Math.sqrt(2) / Math.hypot(tx, ty), within(1e-6));
    }

    @Test
    void should_suggest_close_words_for_a_word_not_in_the_vocabulary() {
        assertThatThrownBy(() -> new Similarity(TOY).neighbors("kinq", 3))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "'kinq' is not in the vocabulary of 6 words (did you mean king, kind?);"
                                + " pick a word that is");
        assertThatThrownBy(() -> new Similarity(TOY).analogy("man", "zzzzzzzz", "king", 1))
                .hasMessage("'zzzzzzzz' is not in the vocabulary of 6 words; pick a word that is");
    }
}
