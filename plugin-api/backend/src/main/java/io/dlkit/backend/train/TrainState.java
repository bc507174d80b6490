package io.dlkit.backend.train;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where training is: saved beside each checkpoint so that {@code --resume} continues exactly (same
 * batches, same dropout masks, same following losses as an uninterrupted run).
 *
 * @param epoch the epoch in progress, from 0
 * @param batch the next batch of that epoch
 * @param step the global step count
 * @param sums the running sums of the epoch in progress: loss, l2, correct, samples, seconds, then
 *     each extra metric of the objective
 * @param best the best value of the early-stopping metric so far (NaN if none)
 * @param badEpochs epochs since the best
 * @param history the finished epochs
 */
public record TrainState(
        int epoch,
        int batch,
        long step,
        double[] sums,
        double best,
        int badEpochs,
        List<EpochMetrics> history) {

    /** The state before the first step. */
    public static TrainState initial() {
        return new TrainState(0, 0, 0, new double[4], Double.NaN, 0, List.of());
    }

    /** Writes the state as a properties file. */
    public void store(Writer out) throws IOException {
        Properties p = new Properties();
        p.setProperty("epoch", Integer.toString(epoch));
        p.setProperty("batch", Integer.toString(batch));
        p.setProperty("step", Long.toString(step));
        p.setProperty("sums", join(sums));
        p.setProperty("best", Double.toString(best));
        p.setProperty("bad_epochs", Integer.toString(badEpochs));
        p.setProperty("history.size", Integer.toString(history.size()));
        for (int i = 0; i < history.size(); i++) {
            EpochMetrics m = history.get(i);
            p.setProperty(
                    "history." + i,
                    m.epoch()
                            + ","
                            + m.step()
                            + ","
                            + join(
                                    new double[] {
                                        m.loss(),
                                        m.l2(),
                                        m.accuracy(),
                                        m.valLoss(),
                                        m.valAccuracy(),
                                        m.learningRate(),
                                        m.seconds(),
                                        m.samplesPerSecond()
                                    }));
            if (!m.extra().isEmpty())
                p.setProperty("history." + i + ".extra", joinExtra(m.extra()));
        }
        p.store(out, "dlkit training state");
    }

    /** Reads a state written by {@link #store}. */
    public static TrainState load(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        int n = Integer.parseInt(p.getProperty("history.size", "0"));
        List<EpochMetrics> history = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] f = p.getProperty("history." + i).split(",");
            double[] d = new double[8];
            for (int j = 0; j < 8; j++) d[j] = Double.parseDouble(f[j + 2]);
            history.add(
                    new EpochMetrics(
                            Integer.parseInt(f[0]),
                            Long.parseLong(f[1]),
                            d[0],
                            d[1],
                            d[2],
                            d[3],
                            d[4],
                            d[5],
                            d[6],
                            d[7],
                            splitExtra(p.getProperty("history." + i + ".extra", ""))));
        }
        String[] s = p.getProperty("sums").split(",");
        double[] sums = new double[s.length];
        for (int i = 0; i < s.length; i++) sums[i] = Double.parseDouble(s[i]);
        return new TrainState(
                Integer.parseInt(p.getProperty("epoch")),
                Integer.parseInt(p.getProperty("batch")),
                Long.parseLong(p.getProperty("step")),
                sums,
                Double.parseDouble(p.getProperty("best")),
                Integer.parseInt(p.getProperty("bad_epochs")),
                List.copyOf(history));
    }

    private static String joinExtra(Map<String, Double> extra) {
        StringBuilder sb = new StringBuilder();
        extra.forEach(
                (k, v) -> sb.append(sb.length() == 0 ? "" : ";").append(k).append('=').append(v));
        return sb.toString();
    }

    private static Map<String, Double> splitExtra(String s) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String kv : s.split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) m.put(kv.substring(0, eq), Double.parseDouble(kv.substring(eq + 1)));
        }
        return m;
    }

    private static String join(double[] v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) sb.append(sb.length() == 0 ? "" : ",").append(d);
        return sb.toString();
    }
}
