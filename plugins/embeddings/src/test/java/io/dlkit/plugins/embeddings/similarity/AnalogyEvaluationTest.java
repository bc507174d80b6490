package io.dlkit.plugins.embeddings.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.similarity.AnalogyEvaluation.Result;
import io.dlkit.plugins.embeddings.similarity.AnalogyEvaluation.Score;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalogyEvaluationTest {
    @TempDir Path dir;

    // the toy space of SimilarityTest plus "prince" (rare: last row)
    private static final WordVectors TOY =
            new WordVectors(
                    List.of("man", "woman", "king", "queen", "apple", "kind", "prince"),
                    new float[] {1, 0, -2, 0, 1, 1, -3, 3, 0.1f, -1, 0.9f, 0.5f, 1, 1.1f},
                    2);

    private Path questions() throws IOException {
        // six sections: the first five are "semantic" as in compute-accuracy, the sixth syntactic
        Path file = dir.resolve("q.txt");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        ": one",
                        "Man Woman King Queen",
                        "man woman king apple",
                        ": two",
                        "man woman king unknown",
                        ": three",
                        ": four",
                        ": five",
                        ": gram-six",
                        "man woman king prince",
                        "woman man queen king",
                        ""));
        return file;
    }

    @Test
    void should_score_sections_and_coverage_as_compute_accuracy() throws IOException {
        // when: all 7 words count
        Result r = AnalogyEvaluation.evaluate(TOY, questions(), 30_000);

        // then: upper-casing makes "Man Woman King Queen" count; the "apple" question is answered
        // wrongly; the one with an unknown word is skipped, so coverage drops
        assertThat(r.sections())
                .extracting(Score::name)
                .containsExactly("one", "two", "three", "four", "five", "gram-six");
        assertThat(r.sections().get(0)).isEqualTo(new Score("one", 1, 2, 2));
        assertThat(r.sections().get(1)).isEqualTo(new Score("two", 0, 0, 1));
        // queen - woman + man -> (-0.71,0.71) - (-1,0) + (1,0) = (1.29, 0.71): kind beats king
        assertThat(r.sections().get(5)).isEqualTo(new Score("gram-six", 0, 2, 2));
        assertThat(r.semantic()).isEqualTo(new Score("semantic", 1, 2, 3));
        assertThat(r.syntactic()).isEqualTo(new Score("syntactic", 0, 2, 2));
        assertThat(r.total()).isEqualTo(new Score("total", 1, 4, 5));
        assertThat(r.total().accuracy()).isEqualTo(0.25);
        assertThat(r.total().coverage()).isEqualTo(0.8);
    }

    @Test
    void should_skip_questions_with_words_beyond_the_frequency_threshold() throws IOException {
        // when: only the first 5 words count, so "kind" and "prince" are out of the vocabulary
        Result r = AnalogyEvaluation.evaluate(TOY, questions(), 5);

        // then: the prince question is skipped, and kind cannot be predicted any more, so
        // queen - woman + man now lands on king
        assertThat(r.sections().get(5)).isEqualTo(new Score("gram-six", 1, 1, 2));
    }

    @Test
    void should_reject_a_malformed_question_line() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, ": s\na b c\n");
        assertThatThrownBy(() -> AnalogyEvaluation.evaluate(TOY, file, 10))
                .hasMessage(file + ":2: expected ': section' or four words 'a b c d', got 'a b c'");
    }
}
