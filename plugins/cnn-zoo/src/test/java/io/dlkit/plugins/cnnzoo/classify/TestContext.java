package io.dlkit.plugins.cnnzoo.classify;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.GraphContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What dlkit gives {@code classify}, in memory: captured output, and picocli set up as the host
 * does (the command under a root, errors one line with their exit code).
 */
final class TestContext implements CommandContext {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;

    TestContext(String format) {
        this.settings = new RunSettings("cpu", 1, 42, format, true, false, false, Path.of(""));
    }

    /** Runs {@code dlkit classify <args>} with {@code store}. */
    int classify(FakeModelStore store, String... args) {
        @CommandLine.Command(name = "dlkit")
        class Root {}
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new ClassifyCommand(this, store).command());
        root.setOut(outWriter);
        root.setErr(errWriter);
        root.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    errWriter.println("error: " + e.getMessage());
                    return e instanceof DlkitException d ? d.exitCode().code() : 1;
                });
        String[] all = new String[args.length + 1];
        all[0] = "classify";
        System.arraycopy(args, 0, all, 1, args.length);
        return root.execute(all);
    }

    @Override
    public RunSettings settings() {
        return settings;
    }

    @Override
    public PrintWriter out() {
        return outWriter;
    }

    @Override
    public PrintWriter err() {
        return errWriter;
    }

    @Override
    public OutputWriter writer() {
        throw new UnsupportedOperationException("classify writes no files");
    }

    @Override
    public GraphContext openGraph() {
        throw new UnsupportedOperationException("classify predicts through the ModelStore");
    }

    @Override
    public int runCommand(String... args) {
        throw new UnsupportedOperationException();
    }
}
