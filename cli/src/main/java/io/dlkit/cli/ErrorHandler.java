package io.dlkit.cli;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.BackendException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one line on stderr and a named exit code (DESIGN.md section 4); the stack
 * trace only with {@code -x}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final boolean stackTraces;

    ErrorHandler(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        return report(e, cmd.getErr());
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String line = "error: " + firstLine(e.getMessage());
        if (e instanceof CommandLine.UnmatchedArgumentException u
                && !u.getSuggestions().isEmpty()) {
            line += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
        }
        err.println(line + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        if (stackTraces) e.printStackTrace(err);
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** Prints the one-line form of {@code e} and returns the exit code it maps to. */
    int report(Throwable e, PrintWriter err) {
        ExitCode code = exitCodeOf(e);
        String message = firstLine(e.getMessage());
        Throwable vm = vmError(e);
        if (vm != null) {
            message = lastResort(vm);
            code = ExitCode.FAILED;
        } else if (code == ExitCode.FAILED && !(e instanceof DlkitException)) {
            message =
                    "internal error: "
                            + e.getClass().getSimpleName()
                            + ": "
                            + message
                            + (stackTraces ? "" : " (run with -x for the stack trace)");
        }
        err.println("error: " + message);
        if (stackTraces) e.printStackTrace(err);
        err.flush();
        return code.code();
    }

    /**
     * The one line for a JVM error (out of memory, stack overflow): what happened and what to try,
     * never a stack trace unless {@code -x}.
     */
    static String lastResort(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "out of memory ("
                    + firstLine(e.getMessage())
                    + "); use a smaller batch, model or data set, or give dlkit more memory with"
                    + " DLKIT_JAVA_OPTS=-Xmx8g";
        }
        if (e instanceof StackOverflowError) {
            return "stack overflow: the input is nested too deeply (or a bug; run with -x and report"
                    + " it)";
        }
        return "the Java virtual machine failed: "
                + e.getClass().getSimpleName()
                + ": "
                + firstLine(e.getMessage());
    }

    /**
     * The JVM error (out of memory, stack overflow) {@code e} is or wraps (Guice and Guava wrap
     * what happens while they build objects), or null.
     */
    static VirtualMachineError vmError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError v) return v;
        }
        return null;
    }

    static ExitCode exitCodeOf(Throwable e) {
        if (e instanceof DlkitException d) return d.exitCode();
        if (e instanceof BackendException) return ExitCode.BACKEND;
        if (e instanceof DataFormatException) return ExitCode.USAGE;
        if (e instanceof CommandLine.PicocliException) return ExitCode.USAGE;
        if (e instanceof UnsatisfiedLinkError) return ExitCode.BACKEND;
        return ExitCode.FAILED;
    }

    private static String firstLine(String m) {
        if (m == null) return "(no message)";
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
