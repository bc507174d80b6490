package io.dlkit.plugins.detector.train;

import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.train.EpochMetrics;
import io.dlkit.backend.train.TrainingListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dlkit detect train}'s progress and records: a line per tenth of an epoch and per epoch on
 * stderr (unless quiet), and after every epoch {@code metrics.csv} (the whole history, so a resumed
 * run continues it) and {@code curves.png} (training and validation loss and the four YOLO terms by
 * epoch) in the model folder.
 */
final class TrainLog implements TrainingListener {
    static final String COLUMNS =
            "epoch,step,loss,coord_loss,obj_loss,noobj_loss,class_loss,val_loss,learning_rate,"
                    + "seconds,images_per_s";
    private static final List<String> TERMS =
            List.of("coord_loss", "obj_loss", "noobj_loss", "class_loss");

    private final PrintWriter err;
    private final boolean quiet;
    private final OutputWriter writer;
    private final Path dir;
    private final List<EpochMetrics> history;
    private int stepsPerEpoch;
    private int lastTenth;

    TrainLog(
            PrintWriter err,
            boolean quiet,
            OutputWriter writer,
            Path dir,
            List<EpochMetrics> history) {
        this.err = err;
        this.quiet = quiet;
        this.writer = writer;
        this.dir = dir;
        this.history = new ArrayList<>(history);
    }

    @Override
    public void onStart(int epoch, int epochs, int stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
        say(
                String.format(
                        Locale.ROOT,
                        "train: epoch %d of %d, %d batches each",
                        epoch,
                        epochs,
                        stepsPerEpoch));
    }

    @Override
    public void onBatch(int epoch, int batch, long step, double loss, double accuracy, double lr) {
        int tenth = (int) (10L * batch / Math.max(1, stepsPerEpoch));
        if (tenth > lastTenth && batch < stepsPerEpoch) {
            say(
                    String.format(
                            Locale.ROOT,
                            "  epoch %d: %d/%d loss %.4f",
                            epoch,
                            batch,
                            stepsPerEpoch,
                            loss));
        }
        lastTenth = batch == stepsPerEpoch ? 0 : tenth;
    }

    @Override
    public void onEpoch(EpochMetrics m) {
        history.add(m);
        lastTenth = 0;
        say(
                String.format(
                        Locale.ROOT,
                        "epoch %d: loss %.4f%s%s %.1f s, %.1f img/s",
                        m.epoch(),
                        m.loss(),
                        parts(m),
                        Double.isNaN(m.valLoss())
                                ? ""
                                : String.format(Locale.ROOT, " val_loss %.4f", m.valLoss()),
                        m.seconds(),
                        m.samplesPerSecond()));
        writer.writeString(dir.resolve("metrics.csv"), csv());
        writer.write(dir.resolve("curves.png"), o -> o.write(curves()));
    }

    /** YOLO's four terms, a one-object head's terms, or nothing (the landmark loss has none). */
    private static String parts(EpochMetrics m) {
        if (m.extra().containsKey("coord_loss")) {
            return String.format(
                    Locale.ROOT,
                    " (coord %.3f obj %.3f noobj %.3f class %.3f)",
                    m.extra().getOrDefault("coord_loss", Double.NaN),
                    m.extra().getOrDefault("obj_loss", Double.NaN),
                    m.extra().getOrDefault("noobj_loss", Double.NaN),
                    m.extra().getOrDefault("class_loss", Double.NaN));
        }
        if (m.extra().containsKey("pc_loss")) {
            return String.format(
                    Locale.ROOT,
                    " (p_c %.4f box %.4f class %.4f)",
                    m.extra().get("pc_loss"),
                    m.extra().getOrDefault("box_loss", Double.NaN),
                    m.extra().getOrDefault("class_loss", Double.NaN));
        }
        return "";
    }

    @Override
    public void onCheckpoint(Path checkpoint, int epoch, long step) {}

    List<EpochMetrics> history() {
        return history;
    }

    String csv() {
        StringBuilder s = new StringBuilder(COLUMNS).append('\n');
        for (EpochMetrics m : history) {
            s.append(m.epoch()).append(',').append(m.step()).append(',').append(num(m.loss()));
            for (String t : TERMS) s.append(',').append(num(m.extra().getOrDefault(t, Double.NaN)));
            s.append(',')
                    .append(num(m.valLoss()))
                    .append(',')
                    .append(num(m.learningRate()))
                    .append(',')
                    .append(num(m.seconds()))
                    .append(',')
                    .append(num(m.samplesPerSecond()))
                    .append('\n');
        }
        return s.toString();
    }

    private byte[] curves() {
        int n = history.size();
        double[] x = new double[n];
        double[] loss = new double[n];
        double[] val = new double[n];
        double[][] terms = new double[TERMS.size()][n];
        for (int i = 0; i < n; i++) {
            EpochMetrics m = history.get(i);
            x[i] = m.epoch();
            loss[i] = m.loss();
            val[i] = m.valLoss();
            for (int t = 0; t < TERMS.size(); t++)
                terms[t][i] = m.extra().getOrDefault(TERMS.get(t), Double.NaN);
        }
        LinePlot p = new LinePlot("YOLO training", "epoch", "loss").add("loss", x, loss);
        if (history.stream().anyMatch(m -> !Double.isNaN(m.valLoss()))) p.add("val_loss", x, val);
        for (int t = 0; t < TERMS.size(); t++) p.add(TERMS.get(t), x, terms[t]);
        return p.png();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private void say(String line) {
        if (quiet) return;
        err.println(line);
        err.flush();
    }
}
