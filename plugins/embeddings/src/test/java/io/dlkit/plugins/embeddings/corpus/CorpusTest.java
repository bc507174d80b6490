package io.dlkit.plugins.embeddings.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @TempDir Path dir;

    @Test
    void should_keep_words_at_min_count_sorted_by_count_then_word() {
        // given
        Map<String, Long> counts = Map.of("the", 5L, "cat", 2L, "bat", 2L, "rare", 1L);

        // when
        Vocabulary v = Vocabulary.build(counts, 2);

        // then
        assertThat(v.words()).containsExactly("the", "bat", "cat");
        assertThat(v.totalCount()).isEqualTo(9);
        assertThat(v.indexOf("rare")).isEqualTo(-1);
        assertThat(v.count(v.indexOf("cat"))).isEqualTo(2);
    }

    @Test
    void should_encode_sentences_per_line_dropping_rare_words() throws IOException {
        // given: "x" and "y" occur once and are dropped; the third line has only "y" and vanishes
        Path file = dir.resolve("c.txt");
        Files.writeString(file, "a b a\nb x a\ny\nb b\n");

        // when
        Corpus c = Corpus.load(file, false, 2);

        // then: b (4) before a (3)
        assertThat(c.vocabulary().words()).containsExactly("b", "a");
        assertThat(c.tokens()).containsExactly(1, 0, 1, 0, 1, 0, 0);
        assertThat(c.sentenceStarts()).containsExactly(0, 3, 5, 7);
        assertThat(c.sentenceCount()).isEqualTo(3);
    }

    @Test
    void should_cut_sentences_at_the_c_tools_1000_words() throws IOException {
        // given: one line of 2,500 words
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "w ".repeat(2500));

        Corpus c = Corpus.load(file, false, 1);

        assertThat(c.sentenceStarts()).containsExactly(0, 1000, 2000, 2500);
    }

    @Test
    void should_reject_an_empty_corpus_and_a_too_high_min_count() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, " \n\n ");
        Path small = dir.resolve("small.txt");
        Files.writeString(small, "a b c");

        assertThatThrownBy(() -> Corpus.load(empty, false, 1))
                .hasMessage(
                        "--text "
                                + empty
                                + ": the corpus has no words; give a non-empty text file");
        assertThatThrownBy(() -> Corpus.load(small, false, 2))
                .hasMessage(
                        "--text "
                                + small
                                + ": no word occurs --min-count 2 times; lower --min-count or give"
                                + " a larger corpus");
    }

    @Test
    void should_build_a_vocabulary_in_the_given_order() {
        Vocabulary v = Vocabulary.of(List.of("x", "y"), new long[] {3, 7});
        assertThat(v.word(1)).isEqualTo("y");
        assertThat(v.totalCount()).isEqualTo(10);
    }
}
