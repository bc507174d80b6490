package io.dlkit.backend.data;

import io.dlkit.backend.io.DataFormatException;
import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines as {@link java.io.BufferedReader#readLine()} does ({@code \n}, {@code \r} or {@code
 * \r\n} end a line), but refuses a line longer than a limit instead of buffering it until memory
 * runs out: a file with no line breaks (a binary file, or gigabytes of one field) fails at once.
 */
public final class BoundedLines {
    private final Reader in;
    private final String source;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private boolean skipLineFeed;
    private int lineNumber;

    /** Lines of {@code in}, named {@code source} in errors, each at most {@code maxChars} long. */
    public BoundedLines(Reader in, String source, int maxChars) {
        this.in = in;
        this.source = source;
        this.maxChars = maxChars;
    }

    /**
     * The next line without its terminator, or null at the end of the input.
     *
     * @throws DataFormatException if the line has more than the limit's characters
     */
    public String next() throws IOException {
        StringBuilder line = null;
        while (true) {
            if (position == limit && !fill()) {
                return line == null ? null : counted(line.toString());
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (buffer[position] == '\n') position++;
                continue;
            }
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') end++;
            int length = (line == null ? 0 : line.length()) + end - position;
            if (length > maxChars) {
                throw new DataFormatException(
                        source
                                + ":"
                                + (lineNumber + 1)
                                + ": line longer than "
                                + maxChars
                                + " characters; this is not a CSV file of numbers, or a row is"
                                + " far too wide");
            }
            if (line == null) line = new StringBuilder(end - position);
            line.append(buffer, position, end - position);
            position = end;
            if (end < limit) {
                skipLineFeed = buffer[position++] == '\r';
                return counted(line.toString());
            }
        }
    }

    /** The number of the line {@link #next()} returned last, counted from 1. */
    public int lineNumber() {
        return lineNumber;
    }

    private String counted(String line) {
        lineNumber++;
        return line;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
