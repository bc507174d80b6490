package io.dlkit.plugins.rnn.classify;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npy;
import io.dlkit.plugins.rnn.lm.WordVocabulary;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The model file of a text classifier: {@code embedding} (the vocabulary as {@code words}, started
 * from pretrained vectors when given) {@code -> lstm} (the last real word's output, {@code
 * mask_padding}) {@code -> dropout 0.5 -> dense softmax}.
 */
final class ClassifierModel {
    private ClassifierModel() {}

    /**
     * The model file's content; with {@code vectors} (word2vec or GloVe text), writes the initial
     * table to {@code dir/vectors.npy} and takes the vectors' size as the embedding size.
     */
    static Map<String, Object> of(
            WordVocabulary vocab,
            int classes,
            int steps,
            int embedding,
            int hidden,
            Path vectors,
            Path dir)
            throws IOException {
        Map<String, Object> emb = layer("embedding");
        emb.put("vocab", vocab.size());
        emb.put("dim", embedding);
        emb.put("words", vocab.words());
        if (vectors != null) {
            Map<String, float[]> table = readVectors(vectors);
            int dim = table.values().iterator().next().length;
            Path npy = dir.resolve("vectors.npy").toAbsolutePath().normalize();
            Npy.write(npy, NdArray.of(initialTable(vocab, table, dim), vocab.size(), dim));
            emb.put("dim", dim);
            emb.put("vectors", npy.toString());
        }
        Map<String, Object> lstm = layer("lstm");
        lstm.put("units", hidden);
        lstm.put("mask_padding", true);
        Map<String, Object> drop = layer("dropout");
        drop.put("keep_prob", 0.5);
        Map<String, Object> dense = layer("dense");
        dense.put("units", classes);
        dense.put("activation", "softmax");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", List.of(steps));
        m.put("layers", List.of(emb, lstm, drop, dense));
        return m;
    }

    /** Known words get their vector; the others start uniform in [-0.05, 0.05]. */
    private static float[] initialTable(WordVocabulary vocab, Map<String, float[]> table, int dim) {
        float[] out = new float[vocab.size() * dim];
        Random r = new Random(1);
        for (int i = 0; i < vocab.size(); i++) {
            float[] v = table.get(vocab.decode(i));
            for (int j = 0; j < dim; j++)
                out[i * dim + j] = v != null ? v[j] : (float) (r.nextDouble() - 0.5) * 0.1f;
        }
        return out;
    }

    /** A word2vec text file (a "count dim" first line) or GloVe's (none): word, then the values. */
    static Map<String, float[]> readVectors(Path file) {
        Map<String, float[]> out = new HashMap<>();
        int dim = -1;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String[] f = line.trim().split(" +");
                if (n == 1 && f.length == 2) continue;
                if (f.length < 2) continue;
                if (dim < 0) dim = f.length - 1;
                if (f.length - 1 != dim) {
                    throw DlkitException.invalidInput(
                            file
                                    + ":"
                                    + n
                                    + ": "
                                    + (f.length - 1)
                                    + " values, the first vector had "
                                    + dim);
                }
                float[] v = new float[dim];
                for (int j = 0; j < dim; j++) v[j] = Float.parseFloat(f[j + 1]);
                out.put(f[0].toLowerCase(java.util.Locale.ROOT), v);
            }
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput(
                    file + ": not word2vec/GloVe text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw DlkitException.invalidInput(file + ": cannot read: " + e.getMessage());
        }
        if (out.isEmpty()) throw DlkitException.invalidInput(file + ": holds no vectors");
        return out;
    }

    private static Map<String, Object> layer(String type) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        return m;
    }
}
