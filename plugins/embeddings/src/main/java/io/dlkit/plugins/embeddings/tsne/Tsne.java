package io.dlkit.plugins.embeddings.tsne;

import java.util.Random;

/**
 * Exact t-SNE. The input affinities p_j|i are Gaussian, with each point's precision beta_i found by
 * binary search so that the entropy H_i = -sum_j p_j|i ln p_j|i equals ln(perplexity); then p_ij =
 * (p_j|i + p_i|j) / 2n. The map's affinities are Student-t, q_ij = (1 + ||y_i - y_j||^2)^-1 / Z,
 * and gradient descent on KL(P || Q) uses dC/dy_i = 4 sum_j (p_ij - q_ij) (y_i - y_j) / (1 + ||y_i
 * - y_j||^2), with early exaggeration of P, momentum and per-coordinate gains (delta-bar- delta).
 * O(n^2) per step: meant for a few thousand points at most.
 */
public final class Tsne {
    private static final double TOLERANCE = 1e-5;
    private static final int MAX_TRIES = 100;

    private Tsne() {}

    /** Maps {@code n} points of {@code dim} values (row-major) to 2-D; returns n x 2 row-major. */
    public static double[] embed(double[] x, int n, int dim, TsneSpec spec) {
        double perplexity = Math.min(spec.perplexity(), (n - 1) / 3.0);
        double[] p = jointProbabilities(squaredDistances(x, n, dim), n, perplexity);
        Random random = new Random(spec.seed());
        double[] y = new double[n * 2];
        for (int k = 0; k < y.length; k++) {
            y[k] = random.nextGaussian() * 1e-4;
        }
        double[] velocity = new double[n * 2];
        double[] gains = new double[n * 2];
        java.util.Arrays.fill(gains, 1);
        double[] grad = new double[n * 2];
        double eta = spec.learningRate(n);
        for (int step = 0; step < spec.iterations(); step++) {
            boolean early = step < spec.exaggerationSteps();
            gradient(p, y, n, early ? spec.exaggeration() : 1, grad);
            double momentum = early ? spec.initialMomentum() : spec.finalMomentum();
            for (int k = 0; k < y.length; k++) {
                boolean sameSign = (grad[k] > 0) == (velocity[k] > 0);
                gains[k] = Math.max(0.01, sameSign ? gains[k] * 0.8 : gains[k] + 0.2);
                velocity[k] = momentum * velocity[k] - eta * gains[k] * grad[k];
                y[k] += velocity[k];
            }
            center(y, n);
        }
        return y;
    }

    /** ||x_i - x_j||^2 for every pair, n x n. */
    static double[] squaredDistances(double[] x, int n, int dim) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0;
                for (int c = 0; c < dim; c++) {
                    double diff = x[i * dim + c] - x[j * dim + c];
                    s += diff * diff;
                }
                d[i * n + j] = s;
                d[j * n + i] = s;
            }
        }
        return d;
    }

    /** The symmetric P, n x n, summing to 1. */
    static double[] jointProbabilities(double[] distances, int n, double perplexity) {
        double[] conditional = new double[n * n];
        for (int i = 0; i < n; i++) {
            calibrateRow(distances, n, i, perplexity, conditional);
        }
        double[] p = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p[i * n + j] =
                        Math.max(
                                (conditional[i * n + j] + conditional[j * n + i]) / (2 * n), 1e-12);
            }
            p[i * n + i] = 0;
        }
        return p;
    }

    /**
     * Finds beta_i by bisection (doubling or halving until bracketed) so that the entropy of row
     * i's Gaussian equals ln(perplexity); writes p_j|i into row i of {@code out}.
     *
     * @return beta_i
     */
    static double calibrateRow(double[] distances, int n, int i, double perplexity, double[] out) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            if (j != i) {
                min = Math.min(min, distances[i * n + j]);
            }
        }
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            double h = gaussianRow(distances, n, i, beta, min, out);
            double diff = h - target;
            if (Math.abs(diff) < TOLERANCE) {
                break;
            }
            if (diff > 0) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
            }
        }
        return beta;
    }

    /**
     * Row i's normalized Gaussian with precision beta (distances shifted by min), and its entropy.
     */
    private static double gaussianRow(
            double[] distances, int n, int i, double beta, double min, double[] out) {
        double sum = 0;
        double weighted = 0;
        for (int j = 0; j < n; j++) {
            double v = j == i ? 0 : Math.exp(-(distances[i * n + j] - min) * beta);
            out[i * n + j] = v;
            sum += v;
            weighted += (distances[i * n + j] - min) * v;
        }
        for (int j = 0; j < n; j++) {
            out[i * n + j] /= sum;
        }
        return Math.log(sum) + beta * weighted / sum;
    }

    /** The gradient of KL(exaggeration P || Q) at map {@code y}, into {@code grad}; returns Z. */
    static double gradient(double[] p, double[] y, int n, double exaggeration, double[] grad) {
        double[] num = new double[n * n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = y[2 * i] - y[2 * j];
                double dy = y[2 * i + 1] - y[2 * j + 1];
                double v = 1 / (1 + dx * dx + dy * dy);
                num[i * n + j] = v;
                num[j * n + i] = v;
                z += 2 * v;
            }
        }
        java.util.Arrays.fill(grad, 0);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double v = num[i * n + j];
                    double m = 4 * (exaggeration * p[i * n + j] - v / z) * v;
                    grad[2 * i] += m * (y[2 * i] - y[2 * j]);
                    grad[2 * i + 1] += m * (y[2 * i + 1] - y[2 * j + 1]);
                }
            }
        }
        return z;
    }

    /** KL(P || Q) = sum p_ij ln(p_ij / q_ij) for map {@code y}. */
    static double klDivergence(double[] p, double[] y, int n) {
        double z = 0;
        double[] num = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    double dx = y[2 * i] - y[2 * j];
                    double dy = y[2 * i + 1] - y[2 * j + 1];
                    num[i * n + j] = 1 / (1 + dx * dx + dy * dy);
                    z += num[i * n + j];
                }
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j && p[i * n + j] > 0) {
                    kl += p[i * n + j] * Math.log(p[i * n + j] / (num[i * n + j] / z));
                }
            }
        }
        return kl;
    }

    /** The KL divergence of a finished map, for reports. */
    public static double klDivergence(double[] x, int n, int dim, double perplexity, double[] y) {
        double p = Math.min(perplexity, (n - 1) / 3.0);
        return klDivergence(jointProbabilities(squaredDistances(x, n, dim), n, p), y, n);
    }

    private static void center(double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i] / n;
            my += y[2 * i + 1] / n;
        }
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }
}
