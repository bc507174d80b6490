package io.dlkit.cli.plot;

import static io.dlkit.cli.plot.CurvePlotTest.BLUE;
import static io.dlkit.cli.plot.CurvePlotTest.GREEN;
import static io.dlkit.cli.plot.CurvePlotTest.ORANGE;
import static io.dlkit.cli.plot.CurvePlotTest.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCurvesTest {
    @TempDir Path dir;

    @Test
    void should_draw_loss_and_accuracy_panels_with_train_and_validation_series() throws Exception {
        // given: Keras-style history of 5 epochs
        Map<String, double[]> history = new LinkedHashMap<>();
        history.put("loss", new double[] {0.9, 0.6, 0.45, 0.4, 0.38});
        history.put("val_loss", new double[] {0.95, 0.7, 0.55, 0.5, 0.52});
        history.put("accuracy", new double[] {0.6, 0.75, 0.82, 0.85, 0.86});
        history.put("val_accuracy", new double[] {0.58, 0.7, 0.78, 0.8, 0.79});
        Path png = dir.resolve("curves.png");

        // when
        TrainingCurves.write(png, history);

        // then: four series in four colours; the loss panel (blue, orange) above accuracy
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(800);
        assertThat(CurvePlotTest.colours(image)).contains(0xFFFFFF, BLUE, ORANGE, GREEN, RED);
        assertThat(meanRowOf(image, BLUE)).isLessThan(meanRowOf(image, GREEN));
    }

    @Test
    void should_draw_only_the_loss_panel_without_accuracy() throws Exception {
        Path png = dir.resolve("loss.png");

        TrainingCurves.write(png, Map.of("loss", new double[] {1, 0.5, 0.25}));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(CurvePlotTest.colours(image)).contains(BLUE).doesNotContain(GREEN);
    }

    @Test
    void should_reject_metrics_without_loss_or_accuracy() {
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("lr", new double[] {0.1});

        assertThatThrownBy(() -> TrainingCurves.write(dir.resolve("x.png"), metrics))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("metrics hold none of loss, val_loss, accuracy, val_accuracy; got lr");
    }

    private static double meanRowOf(BufferedImage image, int rgb) {
        long sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    sum += y;
                    n++;
                }
            }
        }
        return (double) sum / n;
    }
}
