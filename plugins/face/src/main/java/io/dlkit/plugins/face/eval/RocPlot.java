package io.dlkit.plugins.face.eval;

import io.dlkit.plugins.face.train.LinePlot;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

/** The ROC curve as a PNG: true-positive rate against false-positive rate, with the chance line. */
final class RocPlot {
    private RocPlot() {}

    static void write(OutputStream out, Roc roc, String what) throws IOException {
        List<LinePlot.Series> s =
                List.of(
                        new LinePlot.Series(
                                String.format(Locale.ROOT, "ROC (AUC %.4f)", roc.auc()),
                                roc.fpr(),
                                roc.tpr()),
                        new LinePlot.Series("chance", new double[] {0, 1}, new double[] {0, 1}));
        String title = "ROC: " + (what.length() > 60 ? what.substring(0, 60) + "..." : what);
        LinePlot.write(
                out,
                title,
                "false positive rate",
                "true positive rate",
                s,
                new double[] {0, 1, 0, 1});
    }
}
