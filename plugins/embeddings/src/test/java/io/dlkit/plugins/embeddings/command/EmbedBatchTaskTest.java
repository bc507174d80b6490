package io.dlkit.plugins.embeddings.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedBatchTaskTest {
    @TempDir Path dir;

    @Test
    void should_give_a_words_row_or_the_mean_of_a_texts_words() throws Exception {
        // given GloVe-style text vectors
        Files.writeString(dir.resolve("vec.txt"), "king 1 2 3\nqueen 3 2 1\nman 1 0 0\n");
        RunSettings s = new RunSettings("cpu", 0, 42, "json", true, false, false, dir);

        // when
        try (BatchTask task = new EmbedBatchTask().open(s, Map.of("vectors", "vec.txt"))) {
            BatchResult word = task.process(BatchRecord.text("1", "king"));
            BatchResult text = task.process(BatchRecord.text("2", "The King and the queen!"));
            BatchResult none = task.process(BatchRecord.text("3", "nothing here"));

            // then king's row; (king + queen) / 2 = (2, 2, 2), King found lowercased; zeros
            assertThat((float[]) word.output().get("vector")).containsExactly(1f, 2f, 3f);
            assertThat((float[]) text.output().get("vector")).containsExactly(2f, 2f, 2f);
            assertThat(text.count()).isEqualTo(2);
            assertThat((float[]) none.output().get("vector")).containsExactly(0f, 0f, 0f);
            assertThat(none.count()).isZero();
            assertThat(task.modelId()).isEqualTo("vec.txt");
        }
    }

    @Test
    void should_ask_for_the_vectors_and_name_unknown_options() {
        RunSettings s = RunSettings.defaults();
        assertThatThrownBy(() -> new EmbedBatchTask().open(s, Map.of()))
                .isInstanceOf(DlkitException.class)
                .hasMessage("batch embed: missing --vectors VALUE");
        assertThatThrownBy(() -> new EmbedBatchTask().open(s, Map.of("vectors", "v", "dim", "3")))
                .isInstanceOf(DlkitException.class)
                .hasMessage("batch embed: unknown option --dim (known: --vectors)");
    }
}
