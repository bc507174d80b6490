package io.dlkit.plugins.embeddings.debias;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Debiases a set of vectors: the axis g is the mean of e_a - e_b over the axis pairs (e.g.
 * woman-man, she-he), then each neutral word is neutralized and each pair equalized, in a copy.
 * Every touched word is reported with its projection on g before and after.
 */
public final class Debiasing {
    private Debiasing() {}

    /**
     * One word's change.
     *
     * @param word the word
     * @param action {@code neutralize} or {@code equalize}
     * @param before e . g / ||g|| before
     * @param after e . g / ||g|| after
     */
    public record Change(String word, String action, double before, double after) {}

    /**
     * The debiased vectors and the report.
     *
     * @param vectors a debiased copy
     * @param axis the bias axis g
     * @param changes one entry per neutralized or equalized word
     */
    public record Result(WordVectors vectors, double[] axis, List<Change> changes) {}

    /** Debiases a copy of {@code vectors}; pairs are {@code {a, b}}. */
    public static Result apply(
            WordVectors vectors,
            List<String[]> axisPairs,
            List<String> neutral,
            List<String[]> equalizePairs) {
        if (axisPairs.isEmpty()) {
            throw DlkitException.invalidInput("--axis: give at least one pair, e.g. woman-man");
        }
        double[] g = axis(vectors, axisPairs);
        float[] data = vectors.data().clone();
        WordVectors out = new WordVectors(vectors.words(), data, vectors.dim());
        List<Change> changes = new ArrayList<>();
        for (String word : neutral) {
            int i = vectors.require(word);
            double[] e = row(vectors, i);
            double[] n = Debias.neutralize(e, g);
            store(out, i, n);
            changes.add(
                    new Change(
                            word, "neutralize", Debias.projection(e, g), Debias.projection(n, g)));
        }
        for (String[] pair : equalizePairs) {
            int i1 = vectors.require(pair[0]);
            int i2 = vectors.require(pair[1]);
            double[] e1 = row(vectors, i1);
            double[] e2 = row(vectors, i2);
            double[][] eq = Debias.equalize(e1, e2, g);
            store(out, i1, eq[0]);
            store(out, i2, eq[1]);
            changes.add(
                    new Change(
                            pair[0],
                            "equalize",
                            Debias.projection(e1, g),
                            Debias.projection(eq[0], g)));
            changes.add(
                    new Change(
                            pair[1],
                            "equalize",
                            Debias.projection(e2, g),
                            Debias.projection(eq[1], g)));
        }
        return new Result(out, g, changes);
    }

    /** The mean of e_a - e_b over the pairs. */
    public static double[] axis(WordVectors vectors, List<String[]> pairs) {
        double[] g = new double[vectors.dim()];
        for (String[] pair : pairs) {
            double[] a = row(vectors, vectors.require(pair[0]));
            double[] b = row(vectors, vectors.require(pair[1]));
            for (int d = 0; d < g.length; d++) {
                g[d] += (a[d] - b[d]) / pairs.size();
            }
        }
        return g;
    }

    static double[] row(WordVectors vectors, int i) {
        float[] v = vectors.vector(i);
        double[] out = new double[v.length];
        for (int d = 0; d < v.length; d++) {
            out[d] = v[d];
        }
        return out;
    }

    private static void store(WordVectors vectors, int i, double[] e) {
        int dim = vectors.dim();
        for (int d = 0; d < dim; d++) {
            vectors.data()[i * dim + d] = (float) e[d];
        }
    }
}
