package io.dlkit.plugins.rnn.classify;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Texts as a classifier's input: each text's words ({@link WordVocabulary#tokenize}, without the
 * end-of-line marks) as ids, the first {@code steps} of them, padded at the end with {@code -1}
 * (which the embedding turns into zeros and the LSTM's {@code mask_padding} skips, so its last
 * output is the last real word's); labels as class ids in the order of {@link #classes}.
 */
public final class TextClassifierData {
    private TextClassifierData() {}

    /** The labels' distinct values, sorted: class {@code i} is {@code classes.get(i)}. */
    public static List<String> classes(LabelledTexts data) {
        return List.copyOf(new TreeSet<>(data.labels()));
    }

    /** The words of a text, lower-cased, without end-of-line marks. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>(WordVocabulary.tokenize(text));
        out.removeIf(WordVocabulary.EOS::equals);
        return out;
    }

    /** The id rows {@code [texts, steps]} of {@code texts}. */
    public static float[] encode(List<String> texts, WordVocabulary vocab, int steps) {
        float[] x = new float[texts.size() * steps];
        java.util.Arrays.fill(x, -1f);
        for (int i = 0; i < texts.size(); i++) {
            int[] ids = vocab.encode(words(texts.get(i)));
            for (int t = 0; t < Math.min(steps, ids.length); t++) x[i * steps + t] = ids[t];
        }
        return x;
    }

    /** Writes {@code x} {@code [n, steps]} and the class ids {@code y} {@code [n]}. */
    public static void write(
            Path file, LabelledTexts data, List<String> classes, WordVocabulary vocab, int steps)
            throws IOException {
        int[] y = new int[data.size()];
        for (int i = 0; i < y.length; i++) y[i] = classes.indexOf(data.labels().get(i));
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        arrays.put("x", NdArray.of(encode(data.texts(), vocab, steps), data.size(), steps));
        arrays.put("y", NdArray.of(y, y.length));
        Npz.write(file, arrays);
    }

    /** All words of the training texts, for the vocabulary. */
    public static List<String> allWords(LabelledTexts data) {
        List<String> out = new ArrayList<>();
        data.texts().forEach(t -> out.addAll(words(t)));
        return out;
    }
}
