package io.dlkit.cli.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvePlotTest {
    @TempDir Path dir;

    static final int BLUE = 0x1f77b4;
    static final int ORANGE = 0xff7f0e;
    static final int GREEN = 0x2ca02c;
    static final int RED = 0xd62728;

    /** The RGB colours of all pixels of an image. */
    static Set<Integer> colours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours;
    }

    @Test
    void should_write_an_800_by_500_png_with_one_colour_per_series() throws Exception {
        // given
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("train", new double[] {1.0, 0.6, 0.4, 0.3});
        series.put("validation", new double[] {1.1, Double.NaN, 0.5, 0.45});
        Path png = dir.resolve("loss.png");

        // when
        CurvePlot.write(png, "Loss", series, "epoch", "loss");

        // then
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(500);
        Set<Integer> colours = colours(image);
        assertThat(colours).contains(0xFFFFFF, BLUE, ORANGE).hasSizeGreaterThan(10);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(png); // no temporary file left behind
        }
    }

    @Test
    void should_replace_an_existing_file() throws Exception {
        Path png = dir.resolve("curve.png");
        Files.writeString(png, "old");

        CurvePlot.write(png, "t", Map.of("a", new double[] {1, 2}), "x", "y");

        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(800);
    }

    @Test
    void should_fail_when_the_folder_is_missing() {
        Path png = dir.resolve("missing").resolve("curve.png");

        assertThatThrownBy(() -> CurvePlot.write(png, "t", Map.of("a", new double[] {1}), "x", "y"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
