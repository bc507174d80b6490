package io.dlkit.plugins.embeddings.word2vec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.similarity.Similarity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Training end to end on a corpus with known structure: every line holds words of one topic only
 * (a0..a5 or b0..b5), so each word's nearest neighbours must be its own topic's words.
 */
class Word2VecTest {
    @TempDir static Path dir;
    private static Corpus corpus;

    @BeforeAll
    static void topics() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 1500; line++) {
            char topic = line % 2 == 0 ? 'a' : 'b';
            for (int w = 0; w < 10; w++) {
                text.append(topic).append(random.nextInt(6)).append(' ');
            }
            text.append('\n');
        }
        Path file = dir.resolve("topics.txt");
        Files.writeString(file, text);
        corpus = Corpus.load(file, false, 1);
    }

    private static Word2VecSpec spec(
            boolean cbow, int negative, boolean hs, int threads, long seed) {
        return new Word2VecSpec(
                cbow, 16, 3, negative, hs, 0, 3, Word2VecSpec.defaultAlpha(cbow), threads, seed);
    }

    @ParameterizedTest(name = "cbow={0} negative={1} hs={2}")
    @CsvSource({"false, 5, false", "true, 5, false", "false, 0, true", "true, 0, true"})
    void should_put_words_of_one_topic_next_to_each_other(boolean cbow, int negative, boolean hs) {
        WordVectors v =
                Word2Vec.train(corpus, spec(cbow, negative, hs, 1, 1), Progress.Listener.none());

        Similarity sim = new Similarity(v);
        for (String word : List.of("a0", "b3")) {
            List<String> near =
                    sim.neighbors(word, 5).stream().map(Similarity.Scored::word).toList();
            assertThat(near).as(word).allMatch(w -> w.charAt(0) == word.charAt(0));
        }
    }

    @Test
    void should_give_the_same_vectors_with_one_thread_and_the_same_seed() {
        float[] first =
                Word2Vec.train(corpus, spec(false, 5, true, 1, 9), Progress.Listener.none()).data();
        float[] again =
                Word2Vec.train(corpus, spec(false, 5, true, 1, 9), Progress.Listener.none()).data();
        float[] other =
                Word2Vec.train(corpus, spec(false, 5, true, 1, 10), Progress.Listener.none())
                        .data();

        assertThat(again).containsExactly(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void should_train_with_several_threads_and_report_progress_to_the_end() {
        List<Progress> seen = new ArrayList<>();
        WordVectors v =
                Word2Vec.train(
                        corpus,
                        spec(false, 5, false, 2, 1),
                        p -> {
                            synchronized (seen) {
                                seen.add(p);
                            }
                        });

        assertThat(v.size()).isEqualTo(12);
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.done()).isEqualTo(last.total()).isEqualTo(3L * 15_000);
        assertThat(last.learningRate()).isLessThan(0.025 * 0.01);
        assertThat(last.line()).matches(" *100\\.0%  [0-9,]+ words/s  lr 0\\.[0-9]{6}  ETA 0:00");
    }

    @Test
    void should_split_sentences_into_slices_of_about_equal_tokens() {
        List<int[]> slices = Word2Vec.slices(corpus, 3);
        assertThat(slices).hasSize(3);
        assertThat(slices.get(0)[0]).isZero();
        assertThat(slices.get(0)[1]).isEqualTo(slices.get(1)[0]).isBetween(499, 501);
        assertThat(slices.get(2)[1]).isEqualTo(1500);
    }

    @Test
    void should_start_from_small_uniform_vectors_like_the_c_tool() {
        float[] start = Word2Vec.initialVectors(100, 10, 1);
        for (float x : start) {
            assertThat(x).isBetween(-0.05f, 0.05f);
        }
        assertThat(start).isNotEqualTo(new float[1000]);
    }

    @Test
    void should_reject_settings_that_train_nothing() {
        assertThatThrownBy(() -> spec(false, 0, false, 1, 1))
                .hasMessage(
                        "--negative 0 without --hs leaves nothing to train; give --negative K or --hs");
        assertThatThrownBy(() -> new Word2VecSpec(false, 0, 5, 5, false, 0, 1, 0.025, 1, 1))
                .hasMessage("--dim must be >= 1, got 0");
    }
}
