package io.dlkit.testkit;

import io.dlkit.api.CommandContext;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CommandContext} for tests of commands and of code that takes one: settings you choose
 * (CPU, one thread, seed 42 by default), stdout and stderr captured as strings, a {@link
 * FakeOutputWriter}, graphs on the CPU. {@link #runCommand} records the arguments and returns 0.
 */
public final class FakeCommandContext implements CommandContext {
    private final RunSettings settings;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final FakeOutputWriter writer;
    private final List<List<String>> commands = new ArrayList<>();

    /** A context with {@code settings}. */
    public FakeCommandContext(RunSettings settings) {
        this.settings = settings;
        this.writer = new FakeOutputWriter(settings.overwrite());
    }

    /** CPU, one thread, seed 42, table output, quiet. */
    public FakeCommandContext() {
        this(
                new RunSettings(
                        "cpu", 1, 42L, "table", true, false, false, java.nio.file.Path.of("")));
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
        return writer;
    }

    @Override
    public GraphContext openGraph() {
        return GraphContext.create(DeviceRequest.CPU, settings.threads(), settings.seed());
    }

    @Override
    public int runCommand(String... args) {
        commands.add(List.of(args));
        return 0;
    }

    /** What was printed to stdout. */
    public String stdout() {
        outWriter.flush();
        return out.toString();
    }

    /** What was printed to stderr. */
    public String stderr() {
        errWriter.flush();
        return err.toString();
    }

    /** The commands {@link #runCommand} was asked to run. */
    public List<List<String>> commands() {
        return List.copyOf(commands);
    }

    /** The output writer, with what it wrote. */
    public FakeOutputWriter files() {
        return writer;
    }
}
