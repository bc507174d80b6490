package io.dlkit.plugins.embeddings.corpus;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Splits a text file, or every file under a folder (sorted by path, hidden files skipped), into
 * words and sentences as word2vec's {@code ReadWord} does: words are separated by spaces, tabs and
 * line ends ({@code \r} is ignored), and each line end closes a sentence. The bytes must be UTF-8;
 * invalid bytes stop the reading with a one-line error naming the file and the byte offset.
 */
public final class CorpusReader {
    private static final int BUFFER = 1 << 16;

    private final boolean lowercase;

    /** A reader that lowercases every word ({@link Locale#ROOT}) when {@code lowercase}. */
    public CorpusReader(boolean lowercase) {
        this.lowercase = lowercase;
    }

    /** The files of a corpus: {@code source} itself, or the regular files under a folder. */
    public static List<Path> files(Path source) {
        if (Files.isRegularFile(source)) {
            return List.of(source);
        }
        if (!Files.isDirectory(source)) {
            throw DlkitException.invalidInput(
                    "--text " + source + ": no such file or folder; give a text file or a folder");
        }
        try (Stream<Path> walk = Files.walk(source)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends every word and sentence end of {@code source} (a file or folder) to {@code sink}. */
    public void read(Path source, TokenSink sink) {
        for (Path file : files(source)) {
            readFile(file, sink);
        }
    }

    private void readFile(Path file, TokenSink sink) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        Tokenizer tokenizer = new Tokenizer(sink);
        ByteBuffer in = ByteBuffer.allocate(BUFFER);
        CharBuffer out = CharBuffer.allocate(BUFFER);
        long consumed = 0;
        try (ReadableByteChannel channel = Files.newByteChannel(file)) {
            boolean eof = false;
            while (true) {
                eof = eof || channel.read(in) < 0;
                in.flip();
                CoderResult result = decoder.decode(in, out, eof);
                if (result.isError()) {
                    throw invalidUtf8(file, consumed + in.position());
                }
                consumed += in.position();
                in.compact();
                tokenizer.accept(out.flip());
                out.clear();
                if (eof && result.isUnderflow()) {
                    break;
                }
            }
            tokenizer.finish();
        } catch (IOException e) {
            throw DlkitException.failed(file + ": cannot read the corpus: " + e.getMessage(), e);
        }
    }

    private static DlkitException invalidUtf8(Path file, long offset) {
        return DlkitException.invalidInput(
                file
                        + ": invalid UTF-8 at byte "
                        + offset
                        + "; convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8)");
    }

    /** Characters to words: the state between two decoded chunks. */
    private final class Tokenizer {
        private final TokenSink sink;
        private final StringBuilder word = new StringBuilder();

        Tokenizer(TokenSink sink) {
            this.sink = sink;
        }

        void accept(CharBuffer chars) {
            while (chars.hasRemaining()) {
                char c = chars.get();
                switch (c) {
                    case '\r' -> {}
                    case ' ', '\t', '\f', '\u000B', '\uFEFF' -> flushWord();
                    case '\n' -> {
                        flushWord();
                        sink.endOfSentence();
                    }
                    default -> word.append(c);
                }
            }
        }

        void finish() {
            flushWord();
            sink.endOfSentence();
        }

        private void flushWord() {
            if (word.length() > 0) {
                String w = word.toString();
                sink.word(lowercase ? w.toLowerCase(Locale.ROOT) : w);
                word.setLength(0);
            }
        }
    }
}
