package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * word2vec's binary format, as the C tool writes it with {@code -binary 1}: the header {@code V
 * D\n}, then for each word its UTF-8 bytes, a space, D 32-bit little-endian floats and {@code \n}.
 * The reader also accepts files without the {@code \n} after each vector (as some tools write).
 */
public final class Word2VecBinary {
    private Word2VecBinary() {}

    /** Reads a binary vectors file. */
    public static WordVectors read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int[] header = Header.parse(file, Header.firstLine(in, file));
            int v = header[0];
            int dim = header[1];
            Header.checkFits(file, Files.size(file), v, 2 + 4L * dim);
            List<String> words = new ArrayList<>(v);
            float[] data = new float[Math.multiplyExact(v, dim)];
            byte[] raw = new byte[dim * 4];
            ByteBuffer floats = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < v; i++) {
                words.add(word(in, file, i, v));
                if (in.readNBytes(raw, 0, raw.length) < raw.length) {
                    throw truncated(file, i, v);
                }
                floats.rewind();
                floats.asFloatBuffer().get(data, i * dim, dim);
            }
            return new WordVectors(words, data, dim);
        }
    }

    private static String word(InputStream in, Path file, int i, int v) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32);
        int b = in.read();
        while (b == '\n') {
            b = in.read();
        }
        while (b != ' ') {
            if (b < 0) {
                throw truncated(file, i, v);
            }
            bytes.write(b);
            b = in.read();
        }
        return Header.utf8(bytes.toByteArray(), file, "word " + (i + 1));
    }

    private static DlkitException truncated(Path file, int i, int v) {
        return DlkitException.invalidInput(
                file
                        + ": the file ends in vector "
                        + (i + 1)
                        + " of the "
                        + v
                        + " its header announces; the file is truncated or the header is wrong");
    }

    /** Writes {@code vectors} in the binary format. */
    public static void write(WordVectors vectors, OutputStream out) throws IOException {
        int dim = vectors.dim();
        out.write((vectors.size() + " " + dim + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
        float[] data = vectors.data();
        for (int i = 0; i < vectors.size(); i++) {
            out.write(Header.checkedWord(vectors.word(i)).getBytes(StandardCharsets.UTF_8));
            out.write(' ');
            row.clear();
            row.asFloatBuffer().put(data, i * dim, dim);
            out.write(row.array());
            out.write('\n');
        }
        out.flush();
    }
}
