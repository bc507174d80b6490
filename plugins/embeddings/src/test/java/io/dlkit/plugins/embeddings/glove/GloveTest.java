package io.dlkit.plugins.embeddings.glove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.plugins.embeddings.WordVectors;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.similarity.Similarity;
import io.dlkit.plugins.embeddings.word2vec.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GloveTest {
    @TempDir Path dir;

    private static final GloveSpec NOTES = new GloveSpec(2, 5, 1, 100, 0.75, 0.05, 1, 1);

    @Test
    void should_weight_counts_as_the_notes_f_of_x() {
        // f(x) = (x / 100)^(3/4) below x_max, 1 from x_max on
        assertThat(NOTES.weight(50)).isCloseTo(0.5946035575, within(1e-9));
        assertThat(NOTES.weight(10)).isCloseTo(0.1778279410, within(1e-9));
        assertThat(NOTES.weight(100)).isEqualTo(1.0);
        assertThat(NOTES.weight(250)).isEqualTo(1.0);
    }

    @Test
    void should_count_pairs_in_a_symmetric_window_with_one_over_distance() throws IOException {
        // given: window 2; the second line is its own sentence
        Path file = dir.resolve("c.txt");
        Files.writeString(file, "a b c a\nb c\n");
        Corpus corpus = Corpus.load(file, false, 1);
        int a = corpus.vocabulary().indexOf("a");
        int b = corpus.vocabulary().indexOf("b");
        int c = corpus.vocabulary().indexOf("c");

        // when
        Cooccurrences x = Cooccurrences.count(corpus, 2);

        // then: line 1 pairs: a-b 1, a-c 1/2, b-c 1, b-a(last) 1/2, c-a(last) 1; line 2: b-c 1
        assertThat(x.get(a, b)).isCloseTo(1 + 0.5, within(1e-12));
        assertThat(x.get(a, c)).isCloseTo(0.5 + 1, within(1e-12));
        assertThat(x.get(b, c)).isCloseTo(1 + 1, within(1e-12));
        assertThat(x.get(a, a)).isZero();
        for (int i : new int[] {a, b, c}) {
            for (int j : new int[] {a, b, c}) {
                assertThat(x.get(i, j)).isEqualTo(x.get(j, i));
            }
        }
        assertThat(x.size()).isEqualTo(6);
    }

    @Test
    void should_make_one_adagrad_step_as_computed_by_hand() {
        // given: e_i = (0.1, 0.2), t_j = (0.3, -0.1), b_i = 0.05, b~_j = -0.02, X_ij = 10
        GloveModel m = new GloveModel(2, 2);
        m.e[0] = 0.1;
        m.e[1] = 0.2;
        m.t[2] = 0.3;
        m.t[3] = -0.1;
        m.b[0] = 0.05;
        m.bt[1] = -0.02;
        double f = NOTES.weight(10);

        // when
        double cost = m.step(0, 1, 10, f, 0.05);

        // then: diff = 0.03 - 0.02 + 0.05 - 0.02 - ln 10 = -2.2625850930
        //   g = eta f diff = 0.05 * 0.1778279410 * -2.2625850930 = -0.0201175424
        //   AdaGrad sums start at 1, so the first step is plain SGD: p -= g * dp
        assertThat(cost).isCloseTo(0.5 * f * 2.262585093 * 2.262585093, within(1e-9));
        assertThat(m.e[0]).isCloseTo(0.1 + 0.0201175424 * 0.3, within(1e-9));
        assertThat(m.e[1]).isCloseTo(0.2 - 0.0201175424 * 0.1, within(1e-9));
        assertThat(m.t[2]).isCloseTo(0.3 + 0.0201175424 * 0.1, within(1e-9));
        assertThat(m.t[3]).isCloseTo(-0.1 + 0.0201175424 * 0.2, within(1e-9));
        assertThat(m.b[0]).isCloseTo(0.05 + 0.0201175424, within(1e-9));
        assertThat(m.bt[1]).isCloseTo(-0.02 + 0.0201175424, within(1e-9));
        // and the squared gradients accumulate: G = 1 + (g t_j)^2, 1 + g^2
        assertThat(m.ge[0]).isCloseTo(1 + Math.pow(0.0201175424 * 0.3, 2), within(1e-12));
        assertThat(m.gb[0]).isCloseTo(1 + Math.pow(0.0201175424, 2), within(1e-12));
        // untouched: row 1 of e, row 0 of t
        assertThat(m.e[2]).isZero();
        assertThat(m.t[0]).isZero();
    }

    @Test
    void should_give_the_same_vectors_with_one_thread_and_the_same_seed() {
        Cooccurrences x = new Cooccurrences(3);
        x.add(0, 1, 5);
        x.add(1, 0, 5);
        x.add(1, 2, 0.5);
        x.add(2, 1, 0.5);
        List<String> words = List.of("a", "b", "c");
        GloveSpec spec = new GloveSpec(4, 2, 10, 100, 0.75, 0.05, 7, 1);

        List<Progress> seen = new java.util.ArrayList<>();
        float[] first = Glove.train(words, x, spec, seen::add).data();
        float[] again = Glove.train(words, x, spec, Progress.Listener.none()).data();

        assertThat(again).containsExactly(first);
        // one report per pass, counting pairs, with the pass's mean loss
        assertThat(seen).hasSize(10);
        assertThat(seen.get(9).line())
                .matches(" *100\\.0%  [0-9,]+ pairs/s  lr 0\\.050000  ETA 0:00  loss [0-9.]+");
        assertThat(seen.get(9).loss()).isLessThan(seen.get(0).loss());
    }

    @Test
    void should_return_the_mean_of_word_and_context_vectors() {
        GloveModel m = new GloveModel(1, 2);
        m.e[0] = 1;
        m.e[1] = -2;
        m.t[0] = 3;
        m.t[1] = 0.5;
        assertThat(m.combined()).containsExactly(2f, -0.75f);
    }

    @Test
    void should_put_words_of_one_topic_next_to_each_other() throws IOException {
        // given: lines of one topic each, as in Word2VecTest
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int line = 0; line < 600; line++) {
            char topic = line % 2 == 0 ? 'a' : 'b';
            for (int w = 0; w < 10; w++) {
                text.append(topic).append(random.nextInt(6)).append(' ');
            }
            text.append('\n');
        }
        Path file = dir.resolve("topics.txt");
        Files.writeString(file, text);

        // when
        WordVectors v =
                Glove.train(
                        Corpus.load(file, false, 1),
                        new GloveSpec(8, 3, 30, 100, 0.75, 0.05, 1, 2),
                        Progress.Listener.none());

        // then
        List<String> near =
                new Similarity(v).neighbors("a2", 5).stream().map(Similarity.Scored::word).toList();
        assertThat(near).allMatch(w -> w.startsWith("a"));
    }
}
