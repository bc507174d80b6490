package io.dlkit.plugins.embeddings.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import io.dlkit.plugins.embeddings.corpus.Vocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The (context, word) pairs, by hand on two sentences "a b c" and "d e" (ids 0..4, pad 5). */
class NlmContextsTest {
    private static final Corpus CORPUS =
            new Corpus(
                    Vocabulary.of(List.of("a", "b", "c", "d", "e"), new long[] {1, 1, 1, 1, 1}),
                    new int[] {0, 1, 2, 3, 4},
                    new int[] {0, 3, 5});

    @Test
    void should_take_the_n_words_before_each_word_padding_at_sentence_starts() {
        NlmContexts pairs = NlmContexts.of(CORPUS, 2, false);
        assertThat(pairs.width()).isEqualTo(2);
        assertThat(pairs.y()).containsExactly(0, 1, 2, 3, 4);
        assertThat(pairs.x()).containsExactly(5, 5, 5, 0, 0, 1, 5, 5, 5, 3);
    }

    @Test
    void should_take_n_words_on_each_side_when_asked() {
        NlmContexts pairs = NlmContexts.of(CORPUS, 1, true);
        assertThat(pairs.width()).isEqualTo(2);
        assertThat(pairs.x()).containsExactly(5, 1, 0, 2, 1, 5, 5, 4, 3, 5);
    }

    @Test
    void should_write_float_contexts_and_int_words_to_npz(@TempDir Path dir) throws IOException {
        NlmContexts.of(CORPUS, 1, false).writeNpz(dir.resolve("p.npz"));
        Map<String, NdArray> arrays = Npz.read(dir.resolve("p.npz"));
        assertThat(arrays.get("x").shape()).containsExactly(5, 1);
        assertThat(arrays.get("x").floats()).containsExactly(5, 0, 1, 5, 3);
        assertThat(arrays.get("y").ints()).containsExactly(0, 1, 2, 3, 4);
    }
}
