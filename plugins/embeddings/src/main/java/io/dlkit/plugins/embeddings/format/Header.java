package io.dlkit.plugins.embeddings.format;

import io.dlkit.api.DlkitException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code V D} header line of word2vec files, and the checks shared by the formats. */
final class Header {
    private static final int MAX_LINE = 1 << 20;

    private Header() {}

    /** The first line's bytes (without {@code \n}), at most 1 MiB. */
    static String firstLine(InputStream in, Path file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            if (bytes.size() == MAX_LINE) {
                throw DlkitException.invalidInput(
                        file + ":1: the first line is over 1 MiB; not a vectors file");
            }
            bytes.write(b);
        }
        return utf8(bytes.toByteArray(), file, "line 1").strip();
    }

    /** Whether {@code line} looks like a header: two non-negative integers. */
    static boolean isHeader(String line) {
        return line.matches("\\d+\\s+\\d+");
    }

    /** {V, D} from a header line, or a one-line error. */
    static int[] parse(Path file, String line) {
        if (!isHeader(line)) {
            throw DlkitException.invalidInput(
                    file
                            + ":1: header '"
                            + abbreviate(line)
                            + "' is not 'V D' (the number of words and the vector size); fix the"
                            + " first line or convert the file");
        }
        String[] parts = line.split("\\s+");
        try {
            int v = Integer.parseInt(parts[0]);
            int d = Integer.parseInt(parts[1]);
            if (d < 1 || (long) v * d > Integer.MAX_VALUE - 8) {
                throw new NumberFormatException();
            }
            return new int[] {v, d};
        } catch (NumberFormatException e) {
            throw DlkitException.invalidInput(
                    file + ":1: header '" + line + "' needs D >= 1 and V x D below 2^31");
        }
    }

    /**
     * Checks that a file of {@code size} bytes can hold the {@code v} rows its header announces,
     * each at least {@code minRow} bytes, before anything that large is allocated.
     */
    static void checkFits(Path file, long size, int v, long minRow) {
        if (v * minRow > size) {
            throw DlkitException.invalidInput(
                    file
                            + ":1: the header announces "
                            + v
                            + " vectors, more than the file's "
                            + size
                            + " bytes can hold; fix the header's V");
        }
    }

    /** Strict UTF-8 decoding with a one-line error naming {@code where}. */
    static String utf8(byte[] bytes, Path file, String where) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DlkitException.invalidInput(
                    file + ": " + where + " is not valid UTF-8; the file is damaged or not UTF-8");
        }
    }

    /** {@code word}, if a text line can hold it (no whitespace, not empty). */
    static String checkedWord(String word) {
        if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
            throw DlkitException.invalidInput(
                    "the word '"
                            + word
                            + "' is empty or holds whitespace; word-vector files cannot store it");
        }
        return word;
    }

    static String abbreviate(String line) {
        return line.length() <= 40 ? line : line.substring(0, 40) + "...";
    }
}
