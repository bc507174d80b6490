package io.dlkit.plugins.face.train;

import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code face train} shows and keeps while the core trainer runs: a progress line on stderr
 * every few steps and at each epoch's end, and after each epoch {@code metrics.csv} and {@code
 * curves.png} in the model folder (rewritten atomically, from the whole history, so a resumed run
 * continues them).
 */
public final class TrainingFiles implements TrainingListener {
    private final Path dir;
    private final OutputWriter writer;
    private final PrintWriter err;
    private final int every;
    private final List<EpochMetrics> history;
    private int steps;

    /**
     * @param history the epochs already trained (a resumed run's), kept in the files
     * @param every a progress line every this many steps (0: only at epoch ends); null err: none
     */
    public TrainingFiles(
            Path dir, OutputWriter writer, PrintWriter err, int every, List<EpochMetrics> history) {
        this.dir = dir;
        this.writer = writer;
        this.err = err;
        this.every = every;
        this.history = new ArrayList<>(history);
    }

    /** The finished epochs. */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    @Override
    public void onStart(int epoch, int epochs, int stepsPerEpoch) {
        steps = stepsPerEpoch;
        say(String.format(Locale.ROOT, "epoch %d/%d: %d steps", epoch, epochs, stepsPerEpoch));
    }

    @Override
    public void onBatch(int epoch, int batch, long step, double loss, double accuracy, double lr) {
        if (every > 0 && (batch % every == 0 || batch == steps)) {
            say(
                    String.format(
                            Locale.ROOT,
                            "  epoch %d step %d/%d loss %.4f",
                            epoch,
                            batch,
                            steps,
                            loss));
        }
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        history.add(m);
        StringBuilder line =
                new StringBuilder(
                        String.format(Locale.ROOT, "epoch %d: loss %.4f", m.epoch(), m.loss()));
        if (Double.isFinite(m.valLoss()))
            line.append(String.format(Locale.ROOT, " val_loss %.4f", m.valLoss()));
        if (Double.isFinite(m.accuracy()))
            line.append(String.format(Locale.ROOT, " accuracy %.4f", m.accuracy()));
        if (Double.isFinite(m.valAccuracy()))
            line.append(String.format(Locale.ROOT, " val_accuracy %.4f", m.valAccuracy()));
        m.extra().forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        line.append(String.format(Locale.ROOT, " (%.1f s)", m.seconds()));
        say(line.toString());
        writer.writeString(dir.resolve("metrics.csv"), csv(history));
        writer.write(
                dir.resolve("curves.png"),
                out -> {
                    List<LinePlot.Series> s = series(history);
                    LinePlot.write(out, "face train", "epoch", "value", s, LinePlot.bounds(s));
                });
    }

    private void say(String s) {
        if (err == null) return;
        err.println(s);
        err.flush();
    }

    /** The metrics log: one row per epoch. */
    static String csv(List<EpochMetrics> history) {
        List<String> extra = history.isEmpty() ? List.of() : List.copyOf(last(history).keySet());
        StringBuilder sb = new StringBuilder("epoch,step,loss,val_loss,accuracy,val_accuracy");
        extra.forEach(k -> sb.append(',').append(k));
        sb.append(",learning_rate,seconds\n");
        for (EpochMetrics m : history) {
            sb.append(m.epoch()).append(',').append(m.step());
            for (double v : new double[] {m.loss(), m.valLoss(), m.accuracy(), m.valAccuracy()})
                sb.append(',').append(num(v));
            for (String k : extra)
                sb.append(',').append(num(m.extra().getOrDefault(k, Double.NaN)));
            sb.append(',').append(num(m.learningRate())).append(',');
            sb.append(String.format(Locale.ROOT, "%.3f", m.seconds())).append('\n');
        }
        return sb.toString();
    }

    private static Map<String, Double> last(List<EpochMetrics> history) {
        return history.get(history.size() - 1).extra();
    }

    private static List<LinePlot.Series> series(List<EpochMetrics> history) {
        Map<String, double[]> ys = new LinkedHashMap<>();
        int n = history.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            EpochMetrics m = history.get(i);
            x[i] = m.epoch();
            put(ys, "loss", i, n, m.loss());
            put(ys, "val_loss", i, n, m.valLoss());
            put(ys, "accuracy", i, n, m.accuracy());
            put(ys, "val_accuracy", i, n, m.valAccuracy());
            final int at = i;
            m.extra().forEach((k, v) -> put(ys, k, at, n, v));
        }
        List<LinePlot.Series> out = new ArrayList<>();
        ys.forEach(
                (k, y) -> {
                    if (java.util.Arrays.stream(y).anyMatch(Double::isFinite))
                        out.add(new LinePlot.Series(k, x, y));
                });
        return out;
    }

    private static void put(Map<String, double[]> ys, String k, int i, int n, double v) {
        ys.computeIfAbsent(
                                k,
                                key -> {
                                    double[] a = new double[n];
                                    java.util.Arrays.fill(a, Double.NaN);
                                    return a;
                                })[i] =
                v;
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "";
    }
}
