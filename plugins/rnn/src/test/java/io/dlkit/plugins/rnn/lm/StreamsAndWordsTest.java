package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Stateful streams (truncated BPTT layout) and the word vocabulary with UNK, EOS, min-count. */
class StreamsAndWordsTest {
    @Test
    void should_lay_out_streams_so_that_each_batch_continues_the_previous_one() {
        // given ids 0..20: 21 ids, 2 streams of L = 10 positions, windows of 3 -> 3 per stream
        int[] ids = IntStream.range(0, 21).toArray();
        // when
        CharSequences s = CharSequences.streams(ids, 2, 3);
        // then rows: k * 2 + b is window k of stream b (stream 1 starts at id 10)
        assertThat(s.size()).isEqualTo(6);
        assertThat(row(s.x(), 0)).containsExactly(0, 1, 2);
        assertThat(row(s.x(), 1)).containsExactly(10, 11, 12);
        assertThat(row(s.x(), 2)).containsExactly(3, 4, 5);
        assertThat(row(s.x(), 3)).containsExactly(13, 14, 15);
        assertThat(row(s.y(), 5)).containsExactly(17, 18, 19);
    }

    @Test
    void should_refuse_a_text_shorter_than_one_batch() {
        assertThatThrownBy(() -> CharSequences.streams(new int[10], 4, 3))
                .hasMessage(
                        "the training text has 10 tokens, fewer than --batch 4 x --seq 3 + 1;"
                                + " lower --batch or --seq");
    }

    @Test
    void should_tokenize_words_and_punctuation_with_an_eos_after_each_line() {
        assertThat(WordVocabulary.tokenize("Call me Ishmael.\n\nDon't stop, 2 go"))
                .containsExactly(
                        "call", "me", "ishmael", ".", "</s>", "don't", "stop", ",", "2", "go",
                        "</s>");
    }

    @Test
    void should_keep_words_of_min_count_by_frequency_and_map_the_rest_to_unk() {
        // given "a" x3, "b" x2, "c" x1
        List<String> tokens = List.of("b", "a", "c", "a", "</s>", "b", "a", "</s>");
        // when
        WordVocabulary v = WordVocabulary.of(tokens, 2);
        // then
        assertThat(v.words()).containsExactly("<unk>", "</s>", "a", "b");
        assertThat(v.encode(List.of("a", "c", "b", "</s>", "zebra")))
                .containsExactly(2, 0, 3, 1, 0);
        assertThatThrownBy(() -> WordVocabulary.of(tokens, 4))
                .hasMessage("no word occurs --min-count 4 times; lower --min-count");
    }

    private static int[] row(float[] a, int r) {
        return IntStream.range(0, 3).map(t -> (int) a[r * 3 + t]).toArray();
    }
}
