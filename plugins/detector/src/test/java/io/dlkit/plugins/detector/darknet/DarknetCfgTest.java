package io.dlkit.plugins.detector.darknet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DarknetCfgTest {
    static final String TINY =
            """
            [net]
            # a comment
            width=32
            height = 32
            channels=3

            [convolutional]
            batch_normalize=1
            filters=4
            size=3
            stride=1
            pad=1
            activation=leaky

            [maxpool]
            size=2
            stride=2

            [convolutional]
            filters=5
            size=1
            stride=1
            pad=1
            activation=linear

            [route]
            layers=-1

            [convolutional]
            filters=8
            size=3
            stride=2
            pad=1
            activation=leaky

            [route]
            layers=-3

            [reorg]
            stride=2

            [route]
            layers=-1,-3

            [convolutional]
            filters=30
            size=1
            activation=linear

            [region]
            anchors = 1,1, 2,3
            classes=10
            coords=4
            num=2
            """;

    @Test
    void should_split_sections_with_their_lines_and_options() {
        List<CfgSection> s = DarknetCfg.parse(TINY, "tiny.cfg");

        assertThat(s)
                .extracting(CfgSection::type)
                .containsExactly(
                        "net",
                        "convolutional",
                        "maxpool",
                        "convolutional",
                        "route",
                        "convolutional",
                        "route",
                        "reorg",
                        "route",
                        "convolutional",
                        "region");
        assertThat(s.get(0).integer("height", 0)).isEqualTo(32);
        assertThat(s.get(0).lineOf("height")).isEqualTo(4);
        assertThat(s.get(1).line()).isEqualTo(7);
        assertThat(s.get(8).integers("layers")).containsExactly(-1, -3);
        assertThat(s.get(10).floats("anchors")).containsExactly(1f, 1f, 2f, 3f);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "width=32\\n[net]|1: option before the first [section]; start the file with [net]",
                "[net]\\nwidth 32|2: expected key=value, got 'width 32'; write options as key=value"
                        + " under a [section]",
                "[net\\nwidth=3|1: malformed section header '[net'; write it as [name]",
                "[convolutional]\\nfilters=2|1: the first section is [convolutional]; a Darknet cfg"
                        + " starts with [net]",
            })
    void should_report_malformed_files_by_line(String text, String message) {
        assertThatThrownBy(() -> DarknetCfg.parse(text.replace("\\n", "\n"), "x.cfg"))
                .isInstanceOfSatisfying(
                        DlkitException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessage("x.cfg:" + message);
    }

    @Test
    void should_report_a_bad_number_at_its_line() {
        List<CfgSection> s = DarknetCfg.parse("[net]\n\nwidth=4l6\n", "x.cfg");
        assertThatThrownBy(() -> s.get(0).integer("width", 0))
                .hasMessage("x.cfg:3: width=4l6 is not a whole number; fix the value");
    }
}
