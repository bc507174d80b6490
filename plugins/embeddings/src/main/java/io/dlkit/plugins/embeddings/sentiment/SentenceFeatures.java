package io.dlkit.plugins.embeddings.sentiment;

import io.dlkit.plugins.embeddings.WordVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A sentence as the sentiment models' input: its words (runs of letters, digits and inner
 * apostrophes) looked up in the vectors, as written and then lowercased; words the vectors lack are
 * left out. The average model takes the mean of the vectors found ({@code [dim]}, zeros when none
 * is); the LSTM takes the first {@code steps} of them ({@code [steps, dim]}), zero rows after the
 * last, which the LSTM's {@code mask_padding} skips.
 */
public final class SentenceFeatures {
    private final WordVectors vectors;

    /** Features from {@code vectors}. */
    public SentenceFeatures(WordVectors vectors) {
        this.vectors = vectors;
    }

    /** The rows of the sentence's words found in the vectors, in order. */
    public int[] rows(String sentence) {
        List<Integer> rows = new ArrayList<>();
        for (String w : sentence.split("[^\\p{L}\\p{N}']+")) {
            String word = w.replaceAll("^'+|'+$", "");
            if (word.isEmpty()) continue;
            int i = vectors.indexOf(word);
            if (i < 0) i = vectors.indexOf(word.toLowerCase(Locale.ROOT));
            if (i >= 0) rows.add(i);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The mean of the sentence's word vectors, {@code [dim]}. */
    public float[] average(String sentence) {
        int dim = vectors.dim();
        float[] mean = new float[dim];
        int[] rows = rows(sentence);
        for (int r : rows) {
            for (int d = 0; d < dim; d++) mean[d] += vectors.data()[r * dim + d];
        }
        for (int d = 0; d < dim; d++) mean[d] /= Math.max(1, rows.length);
        return mean;
    }

    /** The first {@code steps} word vectors, zero-padded, {@code [steps, dim]} row-major. */
    public float[] sequence(String sentence, int steps) {
        int dim = vectors.dim();
        float[] out = new float[steps * dim];
        int[] rows = rows(sentence);
        for (int t = 0; t < Math.min(steps, rows.length); t++) {
            System.arraycopy(vectors.data(), rows[t] * dim, out, t * dim, dim);
        }
        return out;
    }

    /** Every sentence's features, row after row ({@code steps} 0: averages). */
    public float[] all(List<String> sentences, int steps) {
        int width = steps == 0 ? vectors.dim() : steps * vectors.dim();
        float[] x = new float[sentences.size() * width];
        for (int i = 0; i < sentences.size(); i++) {
            float[] f = steps == 0 ? average(sentences.get(i)) : sequence(sentences.get(i), steps);
            System.arraycopy(f, 0, x, i * width, width);
        }
        return x;
    }

    /** The share of the sentences' words found in the vectors. */
    public double coverage(List<String> sentences) {
        long found = 0;
        long all = 0;
        for (String s : sentences) {
            found += rows(s).length;
            for (String w : s.split("[^\\p{L}\\p{N}']+")) {
                if (!w.replaceAll("^'+|'+$", "").isEmpty()) all++;
            }
        }
        return all == 0 ? 0 : (double) found / all;
    }
}
