package io.dlkit.cli.progress;

import java.io.Console;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;

/** What the process's terminal, if any, can show. */
final class Terminals {
    private static final int DEFAULT_WIDTH = 100;

    private Terminals() {}

    /**
     * Whether the process runs on an interactive terminal. Java 22 and later return a console even
     * when redirected, so there {@code Console.isTerminal()} decides.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // before Java 22, a console means a terminal
        }
    }

    /** The terminal's width in characters, as the progress bar library measures it. */
    static int width() {
        try {
            int width = new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength();
            return width > 10 ? width : DEFAULT_WIDTH;
        } catch (RuntimeException | LinkageError e) {
            return DEFAULT_WIDTH;
        }
    }

    /** Whether stderr's encoding can show the Unicode block characters of the bar. */
    static boolean supportsUnicode() {
        String encoding =
                System.getProperty(
                        "stderr.encoding",
                        System.getProperty("sun.stderr.encoding", Charset.defaultCharset().name()));
        return encoding.toUpperCase(Locale.ROOT).replace("-", "").contains("UTF8");
    }
}
