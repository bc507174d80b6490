package io.dlkit.cli.plot;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;

/**
 * The curves of a training run as one 800x800 PNG: a loss panel above an accuracy panel, sharing
 * the epoch axis, each with a training and a validation series (and, for a model with named
 * outputs, each output's {@code NAME_loss} / {@code NAME_accuracy} and their {@code val_} twins).
 *
 * <p>The metrics are named as Keras names them in {@code history.history}: {@code loss}, {@code
 * val_loss}, {@code accuracy} (or {@code acc}) and {@code val_accuracy} (or {@code val_acc}), one
 * value per epoch ({@code NaN} where not measured). A panel without any of its metrics is left out;
 * other metrics are ignored.
 */
public final class TrainingCurves {
    /** The width of the image in pixels. */
    public static final int WIDTH = 800;

    /** The height of the image in pixels. */
    public static final int HEIGHT = 800;

    private TrainingCurves() {}

    /**
     * Writes the curves with the title "Training curves"; see {@link #write(Path, String, Map)}.
     */
    public static void write(Path png, Map<String, double[]> metrics) throws IOException {
        write(png, "Training curves", metrics);
    }

    /**
     * Draws the loss and accuracy panels and writes the PNG atomically (temporary file in the same
     * folder, then renamed over {@code png}).
     *
     * @throws IllegalArgumentException if the metrics hold no loss or accuracy at all
     */
    public static void write(Path png, String title, Map<String, double[]> metrics)
            throws IOException {
        write(new io.dlkit.cli.output.AtomicOutputWriter(() -> true), png, title, metrics);
    }

    /**
     * Draws the loss and accuracy panels and writes the PNG through {@code writer} (atomic, and
     * refusing to replace a file the user had without {@code --overwrite}).
     *
     * @throws IllegalArgumentException if the metrics hold no loss or accuracy at all
     */
    public static void write(
            io.dlkit.api.output.OutputWriter writer,
            Path png,
            String title,
            Map<String, double[]> metrics)
            throws IOException {
        requireNonNull(png, "png is null");
        Charts.init();
        requireNonNull(metrics, "metrics is null");
        NumberAxis epochs = new NumberAxis("epoch");
        Charts.style(epochs);
        Charts.integerTicks(epochs);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochs);
        combined.setGap(12);
        List<XYPlot> panels = new ArrayList<>();
        panel(metrics, "loss", new String[] {"loss"}, new String[] {"val_loss"}, panels);
        panel(
                metrics,
                "accuracy",
                new String[] {"accuracy", "acc"},
                new String[] {"val_accuracy", "val_acc"},
                panels);
        if (panels.isEmpty()) {
            throw new IllegalArgumentException(
                    "metrics hold none of loss, val_loss, accuracy,"
                            + " val_accuracy; got "
                            + String.join(", ", metrics.keySet()));
        }
        panels.forEach(p -> combined.add(p, 1));
        combined.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, Charts.TITLE_FONT, combined, true);
        Charts.style(chart);
        Charts.writePng(writer, png, chart, WIDTH, HEIGHT);
    }

    private static void panel(
            Map<String, double[]> metrics,
            String label,
            String[] train,
            String[] validation,
            List<XYPlot> panels) {
        Map<String, double[]> series = new LinkedHashMap<>();
        double[] t = first(metrics, train);
        double[] v = first(metrics, validation);
        if (t != null) {
            series.put("train " + label, t);
        }
        if (v != null) {
            series.put("validation " + label, v);
        }
        // a model with named outputs also reports each output's loss and accuracy: cls_loss, ...
        metrics.forEach(
                (name, values) -> {
                    if (name.endsWith("_" + label)) {
                        series.put(
                                name.startsWith("val_")
                                        ? "validation " + name.substring(4)
                                        : "train " + name,
                                values);
                    }
                });
        if (series.isEmpty()) {
            return;
        }
        NumberAxis y = new NumberAxis(label);
        XYPlot plot = new XYPlot(Charts.dataset(series), null, y, null);
        // Loss and accuracy get different colours, so one legend tells all series apart.
        int drawn = panels.stream().mapToInt(p -> p.getDataset().getSeriesCount()).sum();
        Charts.style(plot, drawn);
        panels.add(plot);
    }

    private static double[] first(Map<String, double[]> metrics, String[] names) {
        for (String name : names) {
            if (metrics.containsKey(name)) {
                return metrics.get(name);
            }
        }
        return null;
    }
}
