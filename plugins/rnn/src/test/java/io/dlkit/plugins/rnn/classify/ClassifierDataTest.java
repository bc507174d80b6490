package io.dlkit.plugins.rnn.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.io.Npy;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Texts to padded id rows, labelled JSON, and pretrained vectors as the embedding's start. */
class ClassifierDataTest {
    private static final WordVocabulary VOCAB =
            new WordVocabulary(List.of("<unk>", "</s>", "good", "film", "bad"));

    @Test
    void should_encode_words_with_unk_and_pad_with_minus_one() {
        float[] x = TextClassifierData.encode(List.of("Good film!", "bad"), VOCAB, 4);
        assertThat(x).containsExactly(2, 3, 0, -1, 4, -1, -1, -1);
    }

    @Test
    void should_read_labelled_texts_skipping_null_entries(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("s.json");
        Files.writeString(
                f, "[{\"text\":\"good\",\"class\":1},null,{\"text\":\"bad\",\"class\":0}]");
        LabelledTexts t = LabelledTexts.read(f, "text", "class");
        assertThat(t.texts()).containsExactly("good", "bad");
        assertThat(TextClassifierData.classes(t)).containsExactly("0", "1");
        assertThat(t.skipped()).isEqualTo(1);
    }

    @Test
    void should_start_known_words_from_the_given_vectors(@TempDir Path dir) throws IOException {
        Path vectors = dir.resolve("v.txt");
        Files.writeString(vectors, "2 3\ngood 1 2 3\nfilm 4 5 6\n");
        Map<String, Object> model = ClassifierModel.of(VOCAB, 2, 5, 32, 8, vectors, dir);
        Map<?, ?> emb = (Map<?, ?>) ((List<?>) model.get("layers")).get(0);
        assertThat(emb.get("dim")).isEqualTo(3);
        float[] table = Npy.read(Path.of((String) emb.get("vectors"))).floats();
        assertThat(table).hasSize(5 * 3);
        assertThat(java.util.Arrays.copyOfRange(table, 6, 12)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Math.abs(table[12])).isLessThanOrEqualTo(0.05f); // "bad": not in the file
    }
}
