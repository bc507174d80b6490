package io.dlkit.plugins.embeddings.similarity;

import io.dlkit.plugins.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Cosine similarity over unit-length copies of the vectors: sim(u, v) = u . v / (||u|| ||v||), the
 * notes' similarity function. Analogies follow the notes: the answer to "a is to b as c is to ?" is
 * argmax over w of cos(e_w, e_b - e_a + e_c), the three inputs excluded; as in the C tool's {@code
 * word-analogy} and {@code compute-accuracy}, e_a, e_b and e_c are the unit-length vectors.
 */
public final class Similarity {
    private final WordVectors unit;

    /** Similarities over {@code vectors} (normalized once here). */
    public Similarity(WordVectors vectors) {
        this.unit = vectors.normalized();
    }

    /** The unit-length vectors. */
    public WordVectors unitVectors() {
        return unit;
    }

    /** A word and its cosine similarity to the query. */
    public record Scored(String word, double similarity) {}

    /** The {@code k} words closest to {@code word} by cosine, itself excluded. */
    public List<Scored> neighbors(String word, int k) {
        int i = unit.require(word);
        return nearest(unit.vector(i), k, Set.of(i), unit.size());
    }

    /** The {@code k} best answers to "a is to b as c is to ?", the three inputs excluded. */
    public List<Scored> analogy(String a, String b, String c, int k) {
        int ia = unit.require(a);
        int ib = unit.require(b);
        int ic = unit.require(c);
        return nearest(offset(ia, ib, ic), k, Set.of(ia, ib, ic), unit.size());
    }

    /** e_b - e_a + e_c over the unit vectors. */
    float[] offset(int a, int b, int c) {
        int dim = unit.dim();
        float[] data = unit.data();
        float[] target = new float[dim];
        for (int d = 0; d < dim; d++) {
            target[d] = data[b * dim + d] - data[a * dim + d] + data[c * dim + d];
        }
        return target;
    }

    /**
     * The {@code k} rows among the first {@code limit} with the highest cosine to {@code query},
     * skipping {@code excluded}, best first.
     */
    List<Scored> nearest(float[] query, int k, Set<Integer> excluded, int limit) {
        double norm = 0;
        for (float q : query) {
            norm += q * q;
        }
        norm = norm > 0 ? Math.sqrt(norm) : 1;
        PriorityQueue<double[]> best =
                new PriorityQueue<>(k + 1, (x, y) -> Double.compare(x[0], y[0]));
        int dim = unit.dim();
        float[] data = unit.data();
        for (int w = 0; w < limit; w++) {
            if (excluded.contains(w)) {
                continue;
            }
            float dot = 0;
            for (int d = 0; d < dim; d++) {
                dot += query[d] * data[w * dim + d];
            }
            double score = dot / norm;
            if (best.size() < k || score > best.peek()[0]) {
                best.add(new double[] {score, w});
                if (best.size() > k) {
                    best.poll();
                }
            }
        }
        List<Scored> out = new ArrayList<>();
        while (!best.isEmpty()) {
            double[] e = best.poll();
            out.add(0, new Scored(unit.word((int) e[1]), e[0]));
        }
        return out;
    }
}
