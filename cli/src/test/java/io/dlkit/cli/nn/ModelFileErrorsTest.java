package io.dlkit.cli.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model files are read by the pipeline reader: one line with {@code FILE:LINE:COL}, exit 2, and no
 * library text (the list: LinkedHashMap, CharConversionException, StreamReadConstraints,
 * "special characters", JsonReadFeature, {@code *null}).
 */
class ModelFileErrorsTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "m.yaml | [1, 2] | :1:1: a model file is a mapping (input_shape:, layers:), got a list",
                "m.json | {\"input_shape\": [NaN]} | :1:21: JSON syntax error: Non-standard token 'NaN'",
                "m.yaml | 'a: &x [1]\nb: *x' | :2:4: YAML aliases (*x) are not supported",
                "m.yaml | 'input_shape: [2]\ninput_shape: [3]' | :2:1:",
                "m.yaml | '' | :1:1: the file is empty; expected a model file",
            })
    void should_report_a_bad_model_file_in_one_line_with_its_place(
            String name, String content, String expected) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content.replace("\\n", "\n"));
        assertThatThrownBy(() -> Yaml.read(file))
                .isInstanceOf(DlkitException.class)
                .satisfies(
                        e -> assertThat(((DlkitException) e).exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(file + expected)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("LinkedHashMap")
                .hasMessageNotContaining("JsonReadFeature")
                .hasMessageNotContaining("*null")
                .hasMessageNotContaining("Exception");
    }

    @Test
    void should_report_bytes_that_are_not_utf8_without_library_text() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'});
        assertThatThrownBy(() -> Yaml.read(file))
                .hasMessageStartingWith(file + ":1:")
                .hasMessageNotContaining("CharConversionException")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_report_a_number_too_long_to_read_without_naming_library_settings()
            throws Exception {
        Path file = dir.resolve("m.json");
        Files.writeString(file, "{\"input_shape\": [" + "9".repeat(2000) + "]}");
        assertThatThrownBy(() -> Yaml.read(file))
                .hasMessageStartingWith(file + ":1:")
                .hasMessageContaining("exceeds the maximum")
                .hasMessageNotContaining("StreamReadConstraints")
                .hasMessageNotContaining("\n");
    }

    @Test
    void should_name_a_control_character_instead_of_the_yaml_library_text() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "input_shape: [2]\nlayers: \u0001\n");
        assertThatThrownBy(() -> Yaml.read(file))
                .hasMessage(
                        file
                                + ":2:9: contains the control character U+0001, which YAML does not"
                                + " allow; remove it");
    }

    @Test
    void should_give_the_line_and_column_of_a_bad_layer_value() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(
                file,
                "input_shape: [2]\nlayers:\n  - {type: dense, units: 4}\n"
                        + "  - {type: dropout, keep_prob: 1.5}\n");
        assertThatThrownBy(() -> ModelBuild.model(Yaml.read(file), file.toString()))
                .hasMessage(file + ":4:32: layers[1].keep_prob: must be in (0, 1], got 1.5");
    }

    @Test
    void should_give_the_place_of_the_layer_when_a_required_key_is_missing() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "input_shape: [2]\nlayers:\n  - {type: dense}\n");
        assertThatThrownBy(() -> ModelBuild.model(Yaml.read(file), file.toString()))
                .hasMessageStartingWith(file + ":3:5: layers[0].units: required");
    }

    @Test
    void should_read_integers_as_integers_as_before() throws Exception {
        Path file = dir.resolve("m.yaml");
        Files.writeString(file, "input_shape: [784]\nlayers:\n  - {type: dense, units: 10}\n");
        Map<String, Object> m = Yaml.read(file);
        assertThat(m.get("input_shape")).isEqualTo(List.of(784));
        assertThat(Yaml.read(write(Yaml.write(m)))).isEqualTo(m);
    }

    private Path write(String text) throws Exception {
        Path f = dir.resolve("again.yaml");
        Files.writeString(f, text);
        return f;
    }
}
