package io.dlkit.plugins.rnn.lm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.data.NpzDatasetReader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text to (input, next character) windows, and the vocabulary they use. */
class CharSequencesTest {
    @Test
    void should_number_characters_in_code_point_order() {
        CharVocabulary v = CharVocabulary.of("\nbab\nca");
        assertThat(v.tokens()).isEqualTo("\nabc");
        assertThat(v.encode("cab\n")).containsExactly(3, 1, 2, 0);
        assertThat(v.decode(2)).isEqualTo("b");
    }

    @Test
    void should_refuse_a_character_outside_the_vocabulary() {
        assertThatThrownBy(() -> CharVocabulary.of("ab").encode("abz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the character 'z' is not in the model's vocabulary of 2 characters");
    }

    @Test
    void should_pair_each_step_with_the_next_character_and_mask_the_padding() {
        // ids 0..6: 6 targets in windows of 4 -> [0 1 2 3 | 1 2 3 4], [4 5 0 0 | 5 6 -1 -1]
        CharSequences s = CharSequences.of(new int[] {0, 1, 2, 3, 4, 5, 6}, 4, 4);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.x()).containsExactly(0, 1, 2, 3, 4, 5, 0, 0);
        assertThat(s.y()).containsExactly(1, 2, 3, 4, 5, 6, -1, -1);
    }

    @Test
    void should_overlap_windows_with_a_shorter_stride() {
        CharSequences s = CharSequences.of(new int[] {0, 1, 2, 3, 4}, 3, 2);
        assertThat(s.x()).containsExactly(0, 1, 2, 2, 3, 0);
        assertThat(s.y()).containsExactly(1, 2, 3, 3, 4, -1);
    }

    @Test
    void should_score_every_held_out_character_once_after_the_given_context() {
        // ids 0..8: 8 targets, windows of 4 every 2; windows after the first score their last 2
        CharSequences s = CharSequences.withContext(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
        assertThat(s.x()).containsExactly(0, 1, 2, 3, 2, 3, 4, 5, 4, 5, 6, 7);
        assertThat(s.y()).containsExactly(1, 2, 3, 4, -1, -1, 5, 6, -1, -1, 7, 8);
        float[] y = CharSequences.withContext(new int[] {0, 1, 2, 3, 4, 5, 6}, 4, 3).y();
        assertThat(y).containsExactly(1, 2, 3, 4, -1, -1, -1, 5, -1, -1, -1, 6);
    }

    @Test
    void should_write_an_npz_that_dlkit_train_reads_as_float_targets(@TempDir Path tmp)
            throws Exception {
        Path file = tmp.resolve("s.npz");
        CharSequences.of(new int[] {0, 1, 2, 3, 4, 5, 6}, 4, 4).writeNpz(file);
        Dataset d = NpzDatasetReader.read(file);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.featureShape()).containsExactly(4);
        assertThat(d.hasClassLabels()).isFalse();
        assertThat(d.targetShape()).containsExactly(4);
        assertThat(d.targets()).containsExactly(1, 2, 3, 4, 5, 6, -1, -1);
    }
}
