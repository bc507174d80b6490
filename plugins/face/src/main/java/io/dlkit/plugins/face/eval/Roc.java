package io.dlkit.plugins.face.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Verification quality from scored pairs (a higher score meaning "more likely the same person"):
 * the ROC curve (true-positive rate against false-positive rate as the threshold falls), its area
 * (AUC, by the trapezoid rule; ties between scores move both rates at once), the threshold with the
 * best accuracy, and the LFW protocol's accuracy: for each of {@code k} folds, the threshold chosen
 * on the other folds, the accuracy measured on the fold, then the mean and the standard deviation
 * over folds.
 *
 * @param fpr false-positive rates, from 0 to 1
 * @param tpr true-positive rates, from 0 to 1
 * @param auc the area under the curve
 * @param threshold the score threshold with the best accuracy (same when score >= threshold)
 * @param accuracy the accuracy at that threshold, over all pairs
 */
public record Roc(double[] fpr, double[] tpr, double auc, double threshold, double accuracy) {

    /** The curve of {@code scores} with labels {@code same}. */
    public static Roc of(double[] scores, boolean[] same) {
        int n = scores.length;
        int pos = 0;
        for (boolean s : same) pos += s ? 1 : 0;
        int neg = n - pos;
        if (pos == 0 || neg == 0) {
            throw new IllegalArgumentException(
                    "a ROC curve needs same and different pairs, got " + pos + " and " + neg);
        }
        Integer[] order = sorted(scores);
        double[] fpr = new double[n + 1];
        double[] tpr = new double[n + 1];
        int points = 1;
        int tp = 0;
        int fp = 0;
        double auc = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && scores[order[j]] == scores[order[i]]) {
                if (same[order[j]]) tp++;
                else fp++;
                j++;
            }
            fpr[points] = (double) fp / neg;
            tpr[points] = (double) tp / pos;
            auc += (fpr[points] - fpr[points - 1]) * (tpr[points] + tpr[points - 1]) / 2;
            points++;
            i = j;
        }
        double[] best = bestThreshold(scores, same, IntStream.range(0, n).toArray());
        return new Roc(
                Arrays.copyOf(fpr, points), Arrays.copyOf(tpr, points), auc, best[0], best[1]);
    }

    /**
     * {@code {threshold, accuracy}}: of the thresholds halfway between consecutive distinct scores
     * of the pairs {@code rows} (and one above all), the one with the best accuracy on them.
     */
    static double[] bestThreshold(double[] scores, boolean[] same, int[] rows) {
        double[] s = Arrays.stream(rows).mapToDouble(i -> scores[i]).sorted().distinct().toArray();
        double bestT = s[s.length - 1] + 1;
        double bestAcc = -1;
        for (int i = 0; i <= s.length; i++) {
            double t = i == 0 ? s[0] - 1 : i == s.length ? s[i - 1] + 1 : (s[i - 1] + s[i]) / 2;
            double acc = accuracy(scores, same, rows, t);
            if (acc > bestAcc) {
                bestAcc = acc;
                bestT = t;
            }
        }
        return new double[] {bestT, bestAcc};
    }

    /** The share of {@code rows} classified right by "same when score >= t". */
    static double accuracy(double[] scores, boolean[] same, int[] rows, double t) {
        int right = 0;
        for (int i : rows) right += (scores[i] >= t) == same[i] ? 1 : 0;
        return (double) right / rows.length;
    }

    /**
     * The LFW protocol: {@code {mean, std}} of the per-fold accuracies, each fold scored at the
     * threshold best on the other folds; {@code fold[i]} is pair {@code i}'s fold, from 0.
     */
    public static double[] crossValidated(double[] scores, boolean[] same, int[] fold) {
        int k = Arrays.stream(fold).max().orElse(0) + 1;
        double[] acc = new double[k];
        for (int f = 0; f < k; f++) {
            final int test = f;
            int[] in = IntStream.range(0, scores.length).filter(i -> fold[i] == test).toArray();
            int[] out = IntStream.range(0, scores.length).filter(i -> fold[i] != test).toArray();
            double t = bestThreshold(scores, same, out.length == 0 ? in : out)[0];
            acc[f] = accuracy(scores, same, in, t);
        }
        double mean = Arrays.stream(acc).average().orElse(Double.NaN);
        double var = Arrays.stream(acc).map(a -> (a - mean) * (a - mean)).sum() / k;
        return new double[] {mean, Math.sqrt(var)};
    }

    private static Integer[] sorted(double[] scores) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -scores[i]));
        return order;
    }
}
