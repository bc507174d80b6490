package io.dlkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.BatchTaskProvider.Input;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {
    @TempDir Path dir;

    @Test
    void should_list_a_folders_images_sub_folders_included_a_glob_and_a_list() throws Exception {
        // given
        Files.createDirectories(dir.resolve("imgs/sub"));
        for (String f : List.of("imgs/b.jpg", "imgs/a.PNG", "imgs/notes.txt", "imgs/sub/c.gif")) {
            Files.writeString(dir.resolve(f), "x");
        }
        Files.writeString(dir.resolve("list.txt"), "# two\nimgs/b.jpg\n\nimgs/sub/c.gif\n");

        // when / then
        assertThat(Inputs.rows("imgs", Input.IMAGE, dir))
                .extracting(InputRow::id)
                .containsExactly("imgs/a.PNG", "imgs/b.jpg", "imgs/sub/c.gif");
        assertThat(Inputs.rows("imgs/*.jpg", Input.IMAGE, dir))
                .extracting(InputRow::path)
                .containsExactly(dir.resolve("imgs/b.jpg").toString());
        assertThat(Inputs.rows("list.txt", Input.IMAGE, dir))
                .extracting(InputRow::id)
                .containsExactly("imgs/b.jpg", "imgs/sub/c.gif");
    }

    @Test
    void should_read_non_empty_lines_of_texts_with_file_and_line_ids() throws Exception {
        Files.writeString(dir.resolve("words.txt"), "king\n\nqueen of hearts\n");

        assertThat(Inputs.rows("words.txt", Input.TEXT, dir))
                .containsExactly(
                        InputRow.text("words.txt:1", "king"),
                        InputRow.text("words.txt:3", "queen of hearts"));
    }

    @Test
    void should_say_what_is_missing() {
        assertThatThrownBy(() -> Inputs.rows("nope", Input.IMAGE, dir))
                .isInstanceOf(DlkitException.class)
                .hasMessage(
                        "batch: --input nope does not exist; give a folder, a glob, a .txt or a"
                                + " .parquet file");
    }

    @Test
    void should_turn_task_options_into_parameters() {
        assertThat(
                        TaskOptions.parse(
                                "detect", List.of("--conf", "0.3", "--agnostic", "--max-det=5")))
                .isEqualTo(Map.of("conf", "0.3", "agnostic", "true", "max_det", "5"));
        assertThatThrownBy(() -> TaskOptions.parse("detect", List.of("0.3")))
                .hasMessage(
                        "batch detect: unexpected argument '0.3'; task options look like --conf 0.3");
    }
}
