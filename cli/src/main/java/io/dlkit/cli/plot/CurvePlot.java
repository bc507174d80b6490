package io.dlkit.cli.plot;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;

/**
 * A line chart of named series as an 800x500 PNG: white background, one colour per series, a
 * legend. Series values are plotted at x = 1, 2, 3, ... (epochs, say); {@code NaN} values are left
 * out, so a series measured every few epochs still draws.
 *
 * <pre>{@code
 * CurvePlot.write(Path.of("lr.png"), "Learning rate", Map.of("lr", rates), "epoch", "lr");
 * }</pre>
 */
public final class CurvePlot {
    /** The width of the image in pixels. */
    public static final int WIDTH = 800;

    /** The height of the image in pixels. */
    public static final int HEIGHT = 500;

    private CurvePlot() {}

    /**
     * Draws the series and writes the PNG atomically: a temporary file in the same folder renamed
     * over {@code png}, replacing any file there (the caller checks {@code --overwrite}).
     *
     * @param series the values of each series by name, in the map's order (legend and colours)
     * @throws java.nio.file.NoSuchFileException if the folder of {@code png} does not exist
     */
    public static void write(
            Path png, String title, Map<String, double[]> series, String xLabel, String yLabel)
            throws IOException {
        requireNonNull(png, "png is null");
        Charts.init();
        requireNonNull(series, "series is null");
        JFreeChart chart =
                ChartFactory.createXYLineChart(
                        title,
                        xLabel,
                        yLabel,
                        Charts.dataset(series),
                        PlotOrientation.VERTICAL,
                        true,
                        false,
                        false);
        Charts.style(chart.getXYPlot(), 0);
        Charts.integerTicks(chart.getXYPlot().getDomainAxis());
        Charts.style(chart);
        Charts.writePng(png, chart, WIDTH, HEIGHT);
    }
}
