package io.dlkit.plugins.rnn.lm;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The text a language model trains on: a UTF-8 file, or every {@code *.txt} of a folder. */
final class TextCorpus {
    private TextCorpus() {}

    /** The text of {@code path}; a folder's files are joined in name order, one newline apart. */
    static String read(Path path) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files =
                        s.filter(p -> Files.isRegularFile(p) && p.toString().endsWith(".txt"))
                                .sorted()
                                .toList();
            } catch (IOException e) {
                throw DlkitException.invalidInput(path + ": cannot list: " + e.getMessage());
            }
            if (files.isEmpty()) {
                throw DlkitException.invalidInput(
                        path + ": holds no .txt file; give a text file or a folder of them");
            }
            StringBuilder b = new StringBuilder();
            for (Path f : files) b.append(file(f)).append('\n');
            return b.toString();
        }
        return file(path);
    }

    private static String file(Path text) {
        try {
            String s = Files.readString(text, StandardCharsets.UTF_8);
            if (s.isBlank())
                throw DlkitException.invalidInput(text + ": is empty; give a text file");
            return s;
        } catch (NoSuchFileException e) {
            throw DlkitException.invalidInput(text + ": no such file");
        } catch (CharacterCodingException e) {
            throw DlkitException.invalidInput(text + ": is not UTF-8 text");
        } catch (IOException e) {
            throw DlkitException.invalidInput(
                    text + ": cannot read as UTF-8 text: " + e.getMessage());
        }
    }
}
