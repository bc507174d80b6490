package io.dlkit.cli.nn;

import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainingListener;
import io.dlkit.cli.output.Json;
import io.dlkit.cli.plot.TrainingCurves;
import io.dlkit.cli.progress.Progress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Shows training progress and keeps the metrics log: after every epoch metrics.csv and metrics.json
 * are rewritten atomically (and curves.png with {@code --plot}).
 */
final class TrainingLog implements TrainingListener {
    static final String CSV_HEADER =
            "epoch,step,loss,l2,accuracy,val_loss,val_accuracy,learning_rate,seconds,samples_per_s";

    private final Progress progress;
    private final ModelDir dir;
    private final OutputWriter writer;
    private final boolean plot;
    private final List<EpochMetrics> history;
    private final int batchSize;
    private int epochs;
    private int steps;
    private int lastEpoch = -1;

    TrainingLog(
            Progress progress,
            ModelDir dir,
            OutputWriter writer,
            boolean plot,
            List<EpochMetrics> past,
            int batchSize) {
        this.progress = progress;
        this.dir = dir;
        this.writer = writer;
        this.plot = plot;
        this.history = new ArrayList<>(past);
        this.batchSize = batchSize;
    }

    List<EpochMetrics> history() {
        return history;
    }

    @Override
    public void onStart(int epoch, int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.steps = stepsPerEpoch;
        progress.startEpoch(epoch, epochs, stepsPerEpoch);
    }

    @Override
    public void onBatch(int epoch, int batch, long step, double loss, double accuracy, double lr) {
        if (epoch != lastEpoch && lastEpoch != -1 && batch == 1)
            progress.startEpoch(epoch, epochs, steps);
        lastEpoch = epoch;
        progress.step(batchSize, loss, accuracy);
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        progress.endEpoch(m.valLoss(), m.valAccuracy(), m.extra());
        lastEpoch = m.epoch();
        history.add(m);
        writer.writeString(dir.metricsCsv(), csv());
        writer.writeString(dir.metricsJson(), json());
        // Slow epochs get fresh curves as they go; fast ones only at the end (TrainJob).
        if (plot && m.seconds() > 2) writePlot();
    }

    void writePlot() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("loss", column(EpochMetrics::loss));
        series.put("val_loss", column(EpochMetrics::valLoss));
        series.put("accuracy", column(EpochMetrics::accuracy));
        series.put("val_accuracy", column(EpochMetrics::valAccuracy));
        for (String name : extraNames()) series.put(name, column(m -> extra(m, name)));
        try {
            TrainingCurves.write(
                    dir.curves(), "Training curves: " + dir.dir().getFileName(), series);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write " + dir.curves() + ": " + e.getMessage(), e);
        }
    }

    private double[] column(java.util.function.ToDoubleFunction<EpochMetrics> f) {
        return history.stream().mapToDouble(f).toArray();
    }

    /** The objective's extra metric names (train, then val_), as the epochs recorded them. */
    private List<String> extraNames() {
        return history.isEmpty()
                ? List.of()
                : List.copyOf(history.get(history.size() - 1).extra().keySet());
    }

    private static double extra(EpochMetrics m, String name) {
        Double v = m.extra().get(name);
        return v == null ? Double.NaN : v;
    }

    // An objective's extra metrics go before the two timing columns, which stay last.
    String csv() {
        List<String> names = extraNames();
        String header = CSV_HEADER;
        if (!names.isEmpty()) {
            header = header.replace(",seconds,", "," + String.join(",", names) + ",seconds,");
        }
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (EpochMetrics m : history) {
            StringBuilder extras = new StringBuilder();
            for (String n : names) extras.append(num(extra(m, n))).append(',');
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%d,%d,%.6f,%.6f,%s,%s,%s,%.6g,%s%.3f,%.1f%n",
                            m.epoch(),
                            m.step(),
                            m.loss(),
                            m.l2(),
                            num(m.accuracy()),
                            num(m.valLoss()),
                            num(m.valAccuracy()),
                            m.learningRate(),
                            extras,
                            m.seconds(),
                            m.samplesPerSecond()));
        }
        return sb.toString();
    }

    private String json() {
        java.io.StringWriter s = new java.io.StringWriter();
        Json.print(new java.io.PrintWriter(s), history.stream().map(TrainingLog::toMap).toList());
        return s.toString();
    }

    static Map<String, Object> toMap(EpochMetrics m) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("epoch", m.epoch());
        e.put("step", m.step());
        e.put("loss", m.loss());
        e.put("l2", m.l2());
        e.put("accuracy", nan(m.accuracy()));
        e.put("val_loss", nan(m.valLoss()));
        e.put("val_accuracy", nan(m.valAccuracy()));
        m.extra().forEach((k, v) -> e.put(k, nan(v)));
        e.put("learning_rate", m.learningRate());
        e.put("seconds", m.seconds());
        e.put("samples_per_s", nan(m.samplesPerSecond()));
        return e;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : v;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }
}
