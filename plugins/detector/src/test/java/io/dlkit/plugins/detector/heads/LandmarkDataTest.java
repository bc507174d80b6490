package io.dlkit.plugins.detector.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandmarkDataTest {
    @TempDir Path dir;

    @Test
    void should_read_pairs_and_mark_minus_one_as_not_visible() throws Exception {
        Path f = Files.writeString(dir.resolve("a.txt"), "# eyes\n0.25 0.5 -1 -1\n");
        float[] p = LandmarkData.parse(f);
        assertThat(p).containsExactly(0.25f, 0.5f, -1f, -1f);
        LandmarkData d = new LandmarkData(java.util.List.of(f), java.util.List.of(p), 2);
        assertThat(d.visible(0)).containsExactly(1f, 0f);
    }

    @Test
    void should_report_a_bad_number_by_file_and_line() throws Exception {
        Path f = Files.writeString(dir.resolve("b.txt"), "\n0.1 0.2 x 0.4\n");
        assertThatThrownBy(() -> LandmarkData.parse(f))
                .isInstanceOf(DlkitException.class)
                .hasMessage(f + ":2: 'x' is not a number");
    }

    @Test
    void should_reject_an_odd_count_and_a_point_outside_the_image() throws Exception {
        Path odd = Files.writeString(dir.resolve("c.txt"), "0.1 0.2 0.3\n");
        assertThatThrownBy(() -> LandmarkData.parse(odd)).hasMessageContaining(":1: 3 numbers");
        Path out = Files.writeString(dir.resolve("d.txt"), "0.1 1.5\n");
        assertThatThrownBy(() -> LandmarkData.parse(out))
                .hasMessageContaining(":1: landmark 1 (0.1, 1.5) is outside [0, 1]");
    }
}
