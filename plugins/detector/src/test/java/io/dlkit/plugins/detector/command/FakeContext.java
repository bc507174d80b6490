package io.dlkit.plugins.detector.command;

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
 * What dlkit gives a plugin command, in memory: output captured; picocli set up as the host does
 * ({@code detect} under a root, subcommands made with this context, errors one line with their exit
 * code). No graph: {@code detect anchors} needs none.
 */
public final class FakeContext implements CommandContext {
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;

    public FakeContext(String format, long seed) {
        this.settings = new RunSettings("cpu", 1, seed, format, true, false, false, Path.of(""));
    }

    /** Runs {@code dlkit <args>} with {@code detect} as the only command. */
    public int execute(String... args) {
        @CommandLine.Command(name = "dlkit")
        class Root {}
        CommandLine.IFactory factory =
                new CommandLine.IFactory() {
                    @Override
                    public <K> K create(Class<K> type) throws Exception {
                        try {
                            return type.getConstructor(CommandContext.class)
                                    .newInstance(FakeContext.this);
                        } catch (NoSuchMethodException e) {
                            return CommandLine.defaultFactory().create(type);
                        }
                    }
                };
        CommandLine root = new CommandLine(new Root(), factory);
        root.addSubcommand(new DetectCommand().command());
        root.setOut(outWriter);
        root.setErr(errWriter);
        root.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    errWriter.println("error: " + e.getMessage());
                    return e instanceof DlkitException d ? d.exitCode().code() : 1;
                });
        return root.execute(args);
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
        throw new UnsupportedOperationException("detect anchors writes no files");
    }

    @Override
    public GraphContext openGraph() {
        throw new UnsupportedOperationException("detect anchors needs no graph");
    }

    @Override
    public int runCommand(String... args) {
        throw new UnsupportedOperationException("detect anchors runs no other command");
    }
}
