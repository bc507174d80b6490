package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.DType;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.io.Npy;
import io.dlkit.backend.io.Npz;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Vectors as a NumPy archive: {@code vectors} (float32, V x D) and {@code words} (uint8, the words
 * in UTF-8 joined by {@code \n}, since dlkit's .npy support has no string type). In Python: {@code
 * z = np.load("v.npz"); words = z["words"].tobytes().decode().split("\n"); E = z["vectors"]}.
 */
public final class NpzVectors {
    /** The array of vectors. */
    public static final String VECTORS = "vectors";

    /** The array of words. */
    public static final String WORDS = "words";

    private NpzVectors() {}

    /** Reads an archive with {@code vectors} and {@code words}. */
    public static WordVectors read(Path file) throws IOException {
        Map<String, NdArray> arrays = Npz.read(file);
        NdArray vectors = require(arrays, file, VECTORS);
        NdArray words = require(arrays, file, WORDS);
        if (vectors.rank() != 2
                || vectors.dtype() != DType.FLOAT32 && vectors.dtype() != DType.FLOAT64) {
            throw DlkitException.invalidInput(
                    file
                            + ": 'vectors' is "
                            + vectors.dtype().npyCode()
                            + " "
                            + Arrays.toString(vectors.shape())
                            + "; expected float32 [V, D]");
        }
        if (words.dtype() != DType.UINT8) {
            throw DlkitException.invalidInput(
                    file
                            + ": 'words' is "
                            + words.dtype().npyCode()
                            + "; expected uint8 (UTF-8 words joined by newlines)");
        }
        String text = Header.utf8(bytes(words), file, "array 'words'");
        List<String> list = text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
        int v = (int) vectors.shape()[0];
        int dim = (int) vectors.shape()[1];
        if (list.size() != v) {
            throw DlkitException.invalidInput(
                    file
                            + ": 'words' holds "
                            + list.size()
                            + " words but 'vectors' has "
                            + v
                            + " rows; the archive is inconsistent");
        }
        return new WordVectors(list, floats(vectors), dim);
    }

    private static NdArray require(Map<String, NdArray> arrays, Path file, String key) {
        NdArray a = arrays.get(key);
        if (a == null) {
            throw DlkitException.invalidInput(
                    file
                            + ": no '"
                            + key
                            + "' array (found "
                            + arrays.keySet()
                            + "); dlkit's vector archives hold 'vectors' and 'words'");
        }
        return a;
    }

    private static byte[] bytes(NdArray words) {
        int[] values = words.ints();
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    private static float[] floats(NdArray vectors) {
        if (vectors.dtype() == DType.FLOAT32) {
            return vectors.floats();
        }
        double[] d = vectors.doubles();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    /** Writes the archive (deflated, as {@code numpy.savez_compressed}) to {@code out}. */
    public static void write(WordVectors vectors, OutputStream out) throws IOException {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < vectors.size(); i++) {
            if (i > 0) {
                joined.write('\n');
            }
            joined.write(Header.checkedWord(vectors.word(i)).getBytes(StandardCharsets.UTF_8));
        }
        byte[] words = joined.toByteArray();
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, VECTORS, NdArray.of(vectors.data(), vectors.size(), vectors.dim()));
        entry(zip, WORDS, NdArray.of(words, words.length));
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String key, NdArray array) throws IOException {
        ZipEntry e = new ZipEntry(key + ".npy");
        e.setTime(315532800000L);
        zip.putNextEntry(e);
        Npy.write(zip, array);
        zip.closeEntry();
    }
}
