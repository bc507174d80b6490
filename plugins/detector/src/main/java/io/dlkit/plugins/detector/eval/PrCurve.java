package io.dlkit.plugins.detector.eval;

/**
 * A precision-recall curve: after each detection of a class, highest score first, the recall and
 * precision of the detections so far (not interpolated).
 */
public record PrCurve(double[] recall, double[] precision) {
    /** Copies the arrays. */
    public PrCurve {
        if (recall.length != precision.length) {
            throw new IllegalArgumentException(
                    recall.length + " recall values but " + precision.length + " precision values");
        }
        recall = recall.clone();
        precision = precision.clone();
    }

    /** The curve from true-positive flags in score order and the number of ground truths. */
    static PrCurve of(boolean[] truePositive, int groundTruths) {
        int n = truePositive.length;
        double[] rec = new double[n];
        double[] prec = new double[n];
        int tp = 0;
        for (int i = 0; i < n; i++) {
            tp += truePositive[i] ? 1 : 0;
            rec[i] = (double) tp / groundTruths;
            prec[i] = (double) tp / (i + 1);
        }
        return new PrCurve(rec, prec);
    }
}
