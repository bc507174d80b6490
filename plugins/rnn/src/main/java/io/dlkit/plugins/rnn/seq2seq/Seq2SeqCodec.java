package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.rnn.lm.CharVocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How an encoder-decoder sees text: characters by id (with {@link #GO}, the decoder's start, and
 * {@link #EOS}, the end of a target), a model row {@code [source ids padded with -1 to sourceSteps
 * | GO, target ids, padded with -1 to targetSteps]} and its targets {@code [target ids, EOS,
 * -1...]} ({@code targetSteps} long).
 *
 * @param vocab the characters
 * @param sourceSteps the longest source
 * @param targetSteps the longest target plus one (for EOS)
 */
public record Seq2SeqCodec(CharVocabulary vocab, int sourceSteps, int targetSteps) {
    /** The decoder's start token. */
    public static final String GO = "\u0002";

    /** The end of a target. */
    public static final String EOS = "\u0003";

    /** A codec fitting every pair of {@code pairs}. */
    public static Seq2SeqCodec fit(List<String[]> pairs) {
        StringBuilder all = new StringBuilder(GO + EOS);
        int s = 1;
        int t = 1;
        for (String[] p : pairs) {
            all.append(p[0]).append(p[1]);
            s = Math.max(s, p[0].codePointCount(0, p[0].length()));
            t = Math.max(t, p[1].codePointCount(0, p[1].length()) + 1);
        }
        return new Seq2SeqCodec(CharVocabulary.of(all.toString()), s, t);
    }

    /** The id of {@code token}. */
    public int id(String token) {
        return vocab.encode(token)[0];
    }

    /** A model row for {@code source} with the decoder inputs {@code decoded} (after GO). */
    public float[] row(String source, int[] decoded) {
        float[] x = new float[sourceSteps + targetSteps];
        Arrays.fill(x, -1f);
        int[] src = encodeKnown(source);
        for (int i = 0; i < Math.min(src.length, sourceSteps); i++) x[i] = src[i];
        x[sourceSteps] = id(GO);
        for (int i = 0; i < decoded.length && i + 1 < targetSteps; i++)
            x[sourceSteps + 1 + i] = decoded[i];
        return x;
    }

    /** The source's ids; characters the model never saw are dropped. */
    int[] encodeKnown(String source) {
        return source.codePoints()
                .filter(c -> vocab.tokens().indexOf(Character.toString(c)) >= 0)
                .map(c -> vocab.encode(Character.toString(c))[0])
                .toArray();
    }

    /** Writes the teacher-forced rows {@code x} and targets {@code y} of {@code pairs}. */
    public void writeNpz(Path file, List<String[]> pairs) throws IOException {
        int n = pairs.size();
        int width = sourceSteps + targetSteps;
        float[] x = new float[n * width];
        float[] y = new float[n * targetSteps];
        Arrays.fill(y, -1f);
        for (int i = 0; i < n; i++) {
            int[] target = vocab.encode(pairs.get(i)[1]);
            System.arraycopy(row(pairs.get(i)[0], target), 0, x, i * width, width);
            for (int t = 0; t < target.length; t++) y[i * targetSteps + t] = target[t];
            y[i * targetSteps + target.length] = id(EOS);
        }
        Npz.write(file, Map.of("x", NdArray.of(x, n, width), "y", NdArray.of(y, n, targetSteps)));
    }
}
