package io.dlkit.cli.plot;

import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The look shared by dlkit's charts, and writing them as PNG files. */
final class Charts {
    static {
        // Charts are drawn off-screen; without this a server with no display could fail. This
        // runs before any AWT class below is touched.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    // matplotlib's "tab10" palette: distinct, and readable by most colour-blind viewers.
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)
    };
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int MAX_POINTS_WITH_MARKERS = 40;

    private Charts() {}

    /** Makes sure this class, and so headless mode, is initialised before any chart is built. */
    static void init() {}

    /** Series {@code name -> y}, plotted at x = 1, 2, 3, ...; NaN values are left out. */
    static XYSeriesCollection dataset(Map<String, double[]> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(
                (name, values) -> {
                    if (name == null || values == null) {
                        throw new IllegalArgumentException(
                                "series must map names to values, got "
                                        + name
                                        + " -> "
                                        + (values == null ? null : values.length + " values"));
                    }
                    XYSeries s = new XYSeries(name, false, true);
                    for (int i = 0; i < values.length; i++) {
                        if (!Double.isNaN(values[i])) {
                            s.add(i + 1, values[i]);
                        }
                    }
                    data.addSeries(s);
                });
        return data;
    }

    /** White background, light grid, readable fonts, one palette colour per series. */
    static void style(XYPlot plot, int colourOffset) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0x999999));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int points = 0;
        for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, PALETTE[(colourOffset + i) % PALETTE.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            points = Math.max(points, plot.getDataset().getItemCount(i));
        }
        renderer.setDefaultShapesVisible(points <= MAX_POINTS_WITH_MARKERS);
        plot.setRenderer(renderer);
        // A subplot of a combined plot has no domain axis of its own (null): it shares one.
        style(plot.getDomainAxis());
        style(plot.getRangeAxis());
        if (plot.getRangeAxis() instanceof NumberAxis y) {
            y.setAutoRangeIncludesZero(false);
        }
    }

    /** Readable fonts. */
    static void style(ValueAxis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    static void integerTicks(ValueAxis axis) {
        if (axis instanceof NumberAxis x) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
    }

    static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LABEL_FONT);
            legend.setBackgroundPaint(Color.WHITE);
        }
    }

    /** Writes the chart as a PNG of the given size, atomically (temp file + rename). */
    static void writePng(Path png, JFreeChart chart, int width, int height) throws IOException {
        AtomicFiles.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    static void writePng(OutputWriter writer, Path png, JFreeChart chart, int width, int height) {
        writer.write(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }
}
