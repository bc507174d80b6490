package io.dlkit.cli.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Box;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxesFileTest {
    @TempDir Path dir;

    @Test
    void should_read_boxes_with_optional_label_and_score() throws IOException {
        // given
        Path file =
                Files.writeString(
                        dir.resolve("b.json"),
                        "[{\"x1\": 1, \"y1\": 2, \"x2\": 30.5, \"y2\": 40, \"label\": \"dog\", \"score\": 0.93},"
                                + " {\"x1\": 0, \"y1\": 0, \"x2\": 1, \"y2\": 1}]");

        // when
        List<Box> boxes = BoxesFile.read(file);

        // then
        assertThat(boxes)
                .containsExactly(
                        new Box(1, 2, 30.5f, 40, "dog", 0.93f), new Box(0, 0, 1, 1, "", Float.NaN));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "[{\"x1\": 1,}]"
                        + " | not valid JSON at line 1, column 11: Unexpected character ('}' (code 125)):"
                        + " was expecting double-quote to start field name",
                "{\"x1\": 1}"
                        + " | expected a JSON list of boxes like [{\"x1\": 10, \"y1\": 20, \"x2\": 110,"
                        + " \"y2\": 220, \"label\": \"dog\", \"score\": 0.93}] or a document"
                        + " {\"width\": W, \"height\": H, \"detections\": [...]}, got a object",
                "[{\"x1\": 1, \"y1\": 2, \"y2\": 3}]"
                        + " | box [0]: missing \"x2\" (pixel coordinates x1, y1, x2, y2)",
                "[{\"x1\": 1, \"y1\": 2, \"x2\": 3, \"y2\": 4, \"lable\": \"cat\"}]"
                        + " | box [0]: unknown key 'lable'; did you mean 'label'? (known: x1, y1, x2, y2,"
                        + " label, score)",
                "[{\"x1\": 1, \"y1\": 2, \"x2\": \"3\", \"y2\": 4}]"
                        + " | box [0]: x2 must be a number, got a string",
                "[{\"x1\": 0, \"y1\": 0, \"x2\": 1, \"y2\": 1}, {\"x1\": 9, \"y1\": 0, \"x2\": 1, \"y2\": 1}]"
                        + " | box [1]: box corners must be finite with x1 <= x2 and y1 <= y2, got (9.0, 0.0,"
                        + " 1.0, 1.0) for ''",
            })
    void should_explain_a_bad_boxes_file_in_one_line(String json, String message)
            throws IOException {
        // given
        Path file = Files.writeString(dir.resolve("boxes.json"), json);

        // when
        DlkitException e = catchThrowableOfType(DlkitException.class, () -> BoxesFile.read(file));

        // then
        assertThat(e.getMessage()).isEqualTo(file + ": " + message);
    }
}
