package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The word-vector file formats, with the names the command line uses. */
public enum VectorFormat {
    /**
     * word2vec's binary format: {@code V D\n}, then per word the word, a space, D little-endian
     * floats, {@code \n}.
     */
    WORD2VEC_BINARY("word2vec-bin"),
    /** word2vec's text format: {@code V D\n}, then {@code word x1 ... xD} per line. */
    WORD2VEC_TEXT("word2vec-text"),
    /** GloVe's text format: {@code word x1 ... xD} per line, no header. */
    GLOVE_TEXT("glove-text"),
    /**
     * NumPy .npz: {@code vectors} (float32, V x D) and {@code words} (uint8: UTF-8, one per line).
     */
    NPZ("npz");

    private final String id;

    VectorFormat(String id) {
        this.id = id;
    }

    /** The command-line name. */
    public String id() {
        return id;
    }

    /**
     * The format named {@code id} ({@code word2vec-bin}, ...), or a one-line error listing them.
     */
    public static VectorFormat of(String id) {
        for (VectorFormat f : values()) {
            if (f.id.equals(id.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw DlkitException.invalidInput(
                "unknown vector format '" + id + "'; use one of " + names());
    }

    /** {@code word2vec-bin, word2vec-text, glove-text, npz}. */
    public static String names() {
        return Arrays.stream(values()).map(VectorFormat::id).collect(Collectors.joining(", "));
    }
}
