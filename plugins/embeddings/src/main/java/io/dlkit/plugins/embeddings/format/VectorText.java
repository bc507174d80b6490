package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import io.dlkit.plugins.embeddings.WordVectors;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text formats: one {@code word x1 ... xD} line per vector (space or tab separated), after a
 * {@code V D} header line in word2vec's text format and without one in GloVe's. Values are written
 * with {@link Float#toString(float)}, which reads back to the same float.
 */
public final class VectorText {
    private VectorText() {}

    /** Reads a text file, with the word2vec header when {@code header}. */
    public static WordVectors read(Path file, boolean header) throws IOException {
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        Rows rows = new Rows(file);
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            if (header) {
                int[] vd = Header.parse(file, strip(in.readLine()));
                Header.checkFits(file, Files.size(file), vd[0], 1 + 2L * vd[1]);
                rows.expect(vd[0], vd[1]);
                rows.line++;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                rows.line++;
                rows.add(line);
            }
        } catch (CharacterCodingException e) {
            throw DlkitException.invalidInput(
                    file
                            + ":"
                            + (rows.line + 1)
                            + ": invalid UTF-8; the file is damaged or not UTF-8");
        }
        return rows.vectors();
    }

    private static String strip(String line) {
        return line == null ? "" : line.strip();
    }

    /** Writes {@code vectors} as text, with the word2vec header when {@code header}. */
    public static void write(WordVectors vectors, OutputStream stream, boolean header)
            throws IOException {
        Writer out =
                new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        int dim = vectors.dim();
        if (header) {
            out.write(vectors.size() + " " + dim + "\n");
        }
        float[] data = vectors.data();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < vectors.size(); i++) {
            line.setLength(0);
            line.append(Header.checkedWord(vectors.word(i)));
            for (int d = 0; d < dim; d++) {
                line.append(' ').append(data[i * dim + d]);
            }
            out.write(line.append('\n').toString());
        }
        out.flush();
    }

    /** The rows read so far, checked against the header or the first row. */
    private static final class Rows {
        final Path file;
        final List<String> words = new ArrayList<>();
        float[] data = new float[1024];
        int dim = -1;
        int announced = -1;
        int line;

        Rows(Path file) {
            this.file = file;
        }

        void expect(int v, int d) {
            announced = v;
            dim = d;
            data = new float[Math.max(1, v * d)];
        }

        void add(String text) {
            String[] parts = text.strip().split("[ \t]+");
            if (parts.length == 1 && parts[0].isEmpty()) {
                return;
            }
            if (dim < 0) {
                dim = parts.length - 1;
                if (dim < 1) {
                    throw DlkitException.invalidInput(
                            file
                                    + ":"
                                    + line
                                    + ": '"
                                    + Header.abbreviate(text)
                                    + "' has no numbers; GloVe rows are 'word x1 ... xD'");
                }
            }
            if (parts.length - 1 != dim) {
                throw DlkitException.invalidInput(
                        file
                                + ":"
                                + line
                                + ": '"
                                + Header.abbreviate(parts[0])
                                + "' has "
                                + (parts.length - 1)
                                + " values, expected "
                                + dim
                                + (announced >= 0 ? " (the header's D)" : " (as the first row)")
                                + "; every row needs the same number of values");
            }
            int row = words.size();
            if ((row + 1) * dim > data.length) {
                data = Arrays.copyOf(data, Math.max((row + 1) * dim, data.length * 2));
            }
            for (int d = 0; d < dim; d++) {
                data[row * dim + d] = number(parts[d + 1]);
            }
            words.add(parts[0]);
        }

        private float number(String s) {
            try {
                return Float.parseFloat(s);
            } catch (NumberFormatException e) {
                throw DlkitException.invalidInput(
                        file + ":" + line + ": '" + Header.abbreviate(s) + "' is not a number");
            }
        }

        WordVectors vectors() {
            if (announced >= 0 && announced != words.size()) {
                throw DlkitException.invalidInput(
                        file
                                + ": the header announces "
                                + announced
                                + " words but the file has "
                                + words.size()
                                + " rows; fix the header's V");
            }
            if (words.isEmpty()) {
                throw DlkitException.invalidInput(file + ": no vectors in the file");
            }
            return new WordVectors(words, Arrays.copyOf(data, words.size() * dim), dim);
        }
    }
}
