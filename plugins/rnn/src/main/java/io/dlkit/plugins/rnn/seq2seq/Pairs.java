package io.dlkit.plugins.rnn.seq2seq;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Source/target pairs from a TSV file: one pair a line, {@code source<TAB>target}. */
public final class Pairs {
    private Pairs() {}

    /** The pairs of {@code file}; a line without exactly one tab is an error naming it. */
    public static List<String[]> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(file + ": no such file");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    file + ": cannot read as UTF-8 text: " + e.getMessage());
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            String[] p = line.split("\t", -1);
            if (p.length != 2 || p[0].isEmpty() || p[1].isEmpty()) {
                throw DlkitException.invalidInput(
                        file
                                + ":"
                                + (i + 1)
                                + ": expected 'source<TAB>target', got '"
                                + line
                                + "'");
            }
            out.add(p);
        }
        if (out.isEmpty()) throw DlkitException.invalidInput(file + ": holds no pairs");
        return out;
    }
}
