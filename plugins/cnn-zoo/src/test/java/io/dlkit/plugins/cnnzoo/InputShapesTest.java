package io.dlkit.plugins.cnnzoo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputShapesTest {
    @ParameterizedTest
    @CsvSource({"224x224x3, 224, 224, 3", "28X28X1, 28, 28, 1", "' 64x32x5 ', 64, 32, 5"})
    void should_parse_height_x_width_x_channels(String text, long h, long w, long c) {
        assertThat(InputShapes.parse(text)).containsExactly(h, w, c);
        assertThat(InputShapes.text(new long[] {h, w, c})).isEqualTo(h + "x" + w + "x" + c);
    }
}
