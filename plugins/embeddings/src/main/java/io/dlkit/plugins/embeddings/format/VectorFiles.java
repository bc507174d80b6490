package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads any supported vectors file, telling the format from the content: a zip archive is .npz; a
 * {@code V D} first line is word2vec (binary when the bytes after it are not UTF-8 text or hold a
 * NUL, text otherwise); a first line of a word and numbers is GloVe text.
 */
public final class VectorFiles {
    private static final int SNIFF = 4096;

    private VectorFiles() {}

    /** Reads {@code file} in whatever format it is. */
    public static WordVectors read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(
                    file + ": no such vectors file; give the output of 'dlkit embed train'");
        }
        try {
            return switch (detect(file)) {
                case NPZ -> NpzVectors.read(file);
                case WORD2VEC_BINARY -> Word2VecBinary.read(file);
                case WORD2VEC_TEXT -> VectorText.read(file, true);
                case GLOVE_TEXT -> VectorText.read(file, false);
            };
        } catch (IOException e) {
            throw DlkitException.failed(file + ": cannot read vectors: " + e.getMessage(), e);
        } catch (io.dlkit.backend.io.DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
    }

    /** The format of {@code file}, from its first bytes. */
    public static VectorFormat detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            if (Arrays.equals(magic, new byte[] {'P', 'K', 3, 4})) {
                return VectorFormat.NPZ;
            }
            in.reset();
            String first = Header.firstLine(in, file);
            if (Header.isHeader(first)) {
                return looksBinary(in.readNBytes(SNIFF))
                        ? VectorFormat.WORD2VEC_BINARY
                        : VectorFormat.WORD2VEC_TEXT;
            }
            if (isGloveRow(first)) {
                return VectorFormat.GLOVE_TEXT;
            }
            throw DlkitException.invalidInput(
                    file
                            + ":1: '"
                            + Header.abbreviate(first)
                            + "' is neither a 'V D' header (word2vec) nor 'word x1 ... xD' (GloVe);"
                            + " give a word2vec, GloVe or .npz vectors file");
        }
    }

    private static boolean looksBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        // a multi-byte character may be cut at the end of the window
        for (int cut = 0; cut < 4 && cut <= bytes.length; cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut));
                return false;
            } catch (CharacterCodingException e) {
                // try a shorter window
            }
        }
        return true;
    }

    private static boolean isGloveRow(String line) {
        String[] parts = line.split("[ \t]+");
        if (parts.length < 2) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            try {
                Float.parseFloat(parts[i]);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code vectors} in {@code format}. */
    public static void write(WordVectors vectors, VectorFormat format, OutputStream out)
            throws IOException {
        switch (format) {
            case NPZ -> NpzVectors.write(vectors, out);
            case WORD2VEC_BINARY -> Word2VecBinary.write(vectors, out);
            case WORD2VEC_TEXT -> VectorText.write(vectors, out, true);
            case GLOVE_TEXT -> VectorText.write(vectors, out, false);
        }
    }

    /**
     * The format to write {@code target} in: {@code format} when given, else from the extension
     * ({@code .bin} word2vec binary, {@code .txt}/{@code .vec} word2vec text, {@code .npz}).
     */
    public static VectorFormat forOutput(Path target, String format) {
        if (format != null) {
            return VectorFormat.of(format);
        }
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".bin")) {
            return VectorFormat.WORD2VEC_BINARY;
        }
        if (name.endsWith(".txt") || name.endsWith(".vec")) {
            return VectorFormat.WORD2VEC_TEXT;
        }
        if (name.endsWith(".npz")) {
            return VectorFormat.NPZ;
        }
        throw DlkitException.invalidInput(
                target
                        + ": cannot tell the format from the extension; name it .bin, .txt, .vec or"
                        + " .npz, or give --to "
                        + VectorFormat.names());
    }
}
