package io.dlkit.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code dlkit} entry point. */
public final class Main {
    /**
     * Made before anything can run out of memory: when even reporting an error fails (a heap so
     * full that formatting a message throws again), this line is what the user sees.
     */
    private static final byte[] LAST_WORDS =
            ("error: out of memory; give dlkit more memory with DLKIT_JAVA_OPTS=-Xmx8g"
                            + System.lineSeparator())
                    .getBytes(StandardCharsets.UTF_8);

    private static final FileOutputStream STDERR = new FileOutputStream(FileDescriptor.err);

    /** Memory set aside so that an out-of-memory error can still be reported (and traced). */
    private static volatile byte[] reserve = new byte[256 * 1024];

    private Main() {}

    /** Runs dlkit and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        boolean stackTraces = java.util.List.of(args).contains("-x");
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> lastResort(e, err, stackTraces));
        int code;
        try {
            code = DlkitApplication.run(args, out, err, System.getenv());
        } catch (Throwable e) {
            code = report(e, err, stackTraces);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Reports {@code e} in one line; if that fails too, prints the prepared line. */
    private static int report(Throwable e, PrintWriter err, boolean traces) {
        reserve = null; // the process ends after this report: give its memory to the report
        try {
            return new ErrorHandler(traces).report(e, err);
        } catch (Throwable again) {
            try {
                STDERR.write(LAST_WORDS);
            } catch (IOException ignored) {
                // stderr is gone; the exit code still says the work failed
            }
            return 1;
        }
    }

    /**
     * An error in a thread of dlkit's own (data prefetch, TensorFlow callbacks): one line, and for
     * a JVM error (out of memory) the process ends with exit code 1 rather than hang.
     */
    private static void lastResort(Throwable e, PrintWriter err, boolean traces) {
        int code = report(e, err, traces);
        if (ErrorHandler.vmError(e) != null) {
            err.flush();
            Runtime.getRuntime().halt(code);
        }
    }
}
