package io.dlkit.plugins.embeddings.nlm;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.embeddings.corpus.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The neural language model's training pairs: for every token of the corpus, the ids of its context
 * words and the token itself as the class to predict. With {@code bothSides} false the context is
 * the {@code n} words before it, oldest first ({@code w[i-n] .. w[i-1]}, Bengio et al.); with true
 * the {@code n} words before then the {@code n} after ({@code w[i-n] .. w[i-1], w[i+1] .. w[i+n]}).
 * Positions outside the token's sentence hold the padding id, {@code vocabulary size}.
 *
 * @param x context ids as floats, row-major {@code [rows, width]}
 * @param y the word to predict per row
 * @param width the context words per row
 */
public record NlmContexts(float[] x, int[] y, int width) {
    /** Builds the pairs of every token of {@code corpus}. */
    public static NlmContexts of(Corpus corpus, int n, boolean bothSides) {
        if (n < 1) throw new IllegalArgumentException("--window must be >= 1, got " + n);
        int[] tokens = corpus.tokens();
        int[] starts = corpus.sentenceStarts();
        int pad = corpus.vocabulary().size();
        int width = bothSides ? 2 * n : n;
        float[] x = new float[Math.multiplyExact(tokens.length, width)];
        for (int s = 0; s + 1 < starts.length; s++) {
            int from = starts[s];
            int to = starts[s + 1];
            for (int i = from; i < to; i++) {
                int row = i * width;
                for (int j = 0; j < n; j++) {
                    int before = i - n + j;
                    x[row + j] = before >= from ? tokens[before] : pad;
                    if (bothSides) {
                        int after = i + 1 + j;
                        x[row + n + j] = after < to ? tokens[after] : pad;
                    }
                }
            }
        }
        return new NlmContexts(x, tokens.clone(), width);
    }

    /** The number of pairs. */
    public int rows() {
        return y.length;
    }

    /** Writes {@code x} ({@code float32 [rows, width]}) and {@code y} ({@code int32 [rows]}). */
    public void writeNpz(Path file) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NdArray.of(x, rows(), width));
        arrays.put("y", NdArray.of(y, rows()));
        Npz.write(file, arrays);
    }
}
