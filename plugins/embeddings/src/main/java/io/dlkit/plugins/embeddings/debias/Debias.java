package io.dlkit.plugins.embeddings.debias;

/**
 * The notes' debiasing formulas on double vectors. For a bias axis g:
 *
 * <ul>
 *   <li>bias component of e: (e . g / ||g||^2) g; neutralize: e - that component;
 *   <li>equalize w1, w2: mu = (e1 + e2) / 2, mu_B = (mu . g / ||g||^2) g, mu_perp = mu - mu_B, e_iB
 *       = (e_i . g / ||g||^2) g, e_iB' = sqrt(|1 - ||mu_perp||^2|) (e_iB - mu_B) / ||(e_i -
 *       mu_perp) - mu_B||, and e_i := e_iB' + mu_perp.
 * </ul>
 */
public final class Debias {
    private Debias() {}

    /** The component of {@code e} along {@code g}: (e . g / ||g||^2) g. */
    public static double[] biasComponent(double[] e, double[] g) {
        double s = dot(e, g) / dot(g, g);
        double[] out = new double[e.length];
        for (int d = 0; d < e.length; d++) {
            out[d] = s * g[d];
        }
        return out;
    }

    /** The signed length of {@code e}'s component along {@code g}: e . g / ||g||. */
    public static double projection(double[] e, double[] g) {
        return dot(e, g) / Math.sqrt(dot(g, g));
    }

    /** e - (e . g / ||g||^2) g. */
    public static double[] neutralize(double[] e, double[] g) {
        return minus(e, biasComponent(e, g));
    }

    /** The equalized pair {e1', e2'}, as the notes' formulas give it. */
    public static double[][] equalize(double[] e1, double[] e2, double[] g) {
        double[] mu = new double[e1.length];
        for (int d = 0; d < mu.length; d++) {
            mu[d] = (e1[d] + e2[d]) / 2;
        }
        double[] muB = biasComponent(mu, g);
        double[] muPerp = minus(mu, muB);
        double scale = Math.sqrt(Math.abs(1 - dot(muPerp, muPerp)));
        return new double[][] {
            corrected(e1, g, muB, muPerp, scale), corrected(e2, g, muB, muPerp, scale)
        };
    }

    private static double[] corrected(
            double[] e, double[] g, double[] muB, double[] muPerp, double scale) {
        double[] eB = biasComponent(e, g);
        double[] numerator = minus(eB, muB);
        double[] denominator = minus(minus(e, muPerp), muB);
        double norm = Math.sqrt(dot(denominator, denominator));
        double[] out = new double[e.length];
        for (int d = 0; d < e.length; d++) {
            out[d] = scale * numerator[d] / norm + muPerp[d];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    static double[] minus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int d = 0; d < a.length; d++) {
            out[d] = a[d] - b[d];
        }
        return out;
    }
}
