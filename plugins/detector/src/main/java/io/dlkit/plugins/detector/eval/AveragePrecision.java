package io.dlkit.plugins.detector.eval;

/**
 * Average precision of a precision-recall curve, as VOC and COCO compute it. Both first replace
 * each precision by the highest precision at any higher recall (the envelope).
 */
public final class AveragePrecision {
    private AveragePrecision() {}

    /**
     * VOC all-points: with the curve padded by (recall 0, precision 0) in front and (1, 0) at the
     * end, the sum over every recall step of {@code (r[i+1] - r[i]) * envelope[i+1]}.
     */
    public static double allPoints(PrCurve curve) {
        int n = curve.recall().length;
        double[] r = new double[n + 2];
        double[] p = new double[n + 2];
        System.arraycopy(curve.recall(), 0, r, 1, n);
        System.arraycopy(curve.precision(), 0, p, 1, n);
        r[n + 1] = 1;
        for (int i = n; i >= 0; i--) {
            p[i] = Math.max(p[i], p[i + 1]);
        }
        double ap = 0;
        for (int i = 0; i <= n; i++) {
            if (r[i + 1] != r[i]) {
                ap += (r[i + 1] - r[i]) * p[i + 1];
            }
        }
        return ap;
    }

    /**
     * COCO 101-point: the mean over recalls {@code t = 0, 0.01, ..., 1} of the envelope at the
     * first detection whose recall reaches {@code t} (0 when none does).
     */
    public static double points101(PrCurve curve) {
        double[] r = curve.recall();
        double[] p = curve.precision().clone();
        for (int i = p.length - 1; i > 0; i--) {
            p[i - 1] = Math.max(p[i - 1], p[i]);
        }
        double sum = 0;
        int at = 0;
        for (int k = 0; k <= 100; k++) {
            // pycocotools' np.linspace(0, 1, 101): k * 0.01 (not k / 100.0), the last exactly 1
            double t = k == 100 ? 1.0 : k * 0.01;
            while (at < r.length && r[at] < t) {
                at++;
            }
            if (at < r.length) {
                sum += p[at];
            }
        }
        return sum / 101;
    }
}
