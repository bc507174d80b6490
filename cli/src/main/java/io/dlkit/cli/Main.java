package io.dlkit.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The {@code dlkit} entry point. */
public final class Main {
    private Main() {}

    /** Runs dlkit and exits with its exit code. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        boolean stackTraces = java.util.List.of(args).contains("-x");
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, e) -> lastResort(thread, e, err, stackTraces));
        int code;
        try {
            code = DlkitApplication.run(args, out, err, System.getenv());
        } catch (Throwable e) {
            code = new ErrorHandler(stackTraces).report(e, err);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * An error in a thread of dlkit's own (data prefetch, TensorFlow callbacks): one line, and for
     * a JVM error (out of memory) the process ends with exit code 1 rather than hang.
     */
    private static void lastResort(Thread thread, Throwable e, PrintWriter err, boolean traces) {
        int code = new ErrorHandler(traces).report(e, err);
        if (e instanceof VirtualMachineError) {
            err.flush();
            Runtime.getRuntime().halt(code);
        }
    }
}
