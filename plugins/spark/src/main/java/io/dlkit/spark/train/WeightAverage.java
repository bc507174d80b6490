package io.dlkit.spark.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Parameter averaging (Deeplearning4j's scheme): the new model is the mean of the workers' models,
 * each weighted by the samples it trained on in the round. Every float variable is averaged, the
 * optimizer's slots included (Adam's m and v, RMSProp's mean square, momentum's velocity): they are
 * part of where training is, and averaging keeps them continuous and the run a pure function of the
 * averaged state, so a checkpoint of it resumes exactly; resetting them every round would restart
 * Adam's bias correction warm-up with stale step counters. Integer variables are step and seed
 * counters: they are taken from the worker that trained the most samples (the first on a tie),
 * which in every full round has the same count as the others.
 */
public final class WeightAverage {
    private WeightAverage() {}

    /**
     * The weighted mean of {@code models} (all of the same variables and shapes).
     *
     * @param weights each model's weight (its samples), at least one positive
     */
    public static Weights of(List<Weights> models, double[] weights) {
        if (models.isEmpty()) throw new IllegalArgumentException("no models to average");
        if (weights.length != models.size()) {
            throw new IllegalArgumentException(
                    models.size() + " models but " + weights.length + " weights");
        }
        double total = 0;
        int heaviest = 0;
        for (int w = 0; w < weights.length; w++) {
            if (!(weights[w] >= 0))
                throw new IllegalArgumentException("weight " + weights[w] + " < 0");
            total += weights[w];
            if (weights[w] > weights[heaviest]) heaviest = w;
        }
        if (!(total > 0)) throw new IllegalArgumentException("the weights sum to " + total);
        Weights first = models.get(0);
        List<Object> values = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            shapes.add(first.shape(i));
            values.add(
                    first.values(i) instanceof float[] f
                            ? mean(models, weights, total, i, f.length)
                            : models.get(heaviest).values(i));
        }
        return new Weights(first.names(), shapes, values);
    }

    private static float[] mean(
            List<Weights> models, double[] weights, double total, int i, int n) {
        double[] sum = new double[n];
        for (int w = 0; w < models.size(); w++) {
            if (weights[w] == 0) continue;
            float[] x = (float[]) models.get(w).values(i);
            if (x.length != n) {
                throw new IllegalArgumentException(
                        "variable '"
                                + models.get(w).names().get(i)
                                + "' has "
                                + x.length
                                + " values on worker "
                                + w
                                + " but "
                                + n
                                + " on worker 0");
            }
            double a = weights[w] / total;
            for (int j = 0; j < n; j++) sum[j] += a * x[j];
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) out[j] = (float) sum[j];
        return out;
    }
}
