package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * What dlkit gives a plugin command, in memory: output captured, a CPU graph, plain file writes,
 * and {@link #runCommand} recorded and answered by a function. {@link #commandLine()} sets picocli
 * up as the host does: {@code zoo} under a root, subcommands created with this context, every error
 * one line with its exit code.
 */
final class FakeContext implements CommandContext {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final List<List<String>> commandsRun = new ArrayList<>();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;
    private Function<String[], Integer> onRunCommand = args -> 0;

    FakeContext(String format) {
        this.settings = new RunSettings("cpu", 1, 42, format, true, false, false, Path.of(""));
    }

    /** Answers {@link #runCommand} with {@code handler}. */
    FakeContext onRunCommand(Function<String[], Integer> handler) {
        this.onRunCommand = handler;
        return this;
    }

    /** Runs {@code dlkit <args>} with {@code zoo} as the only command. */
    int execute(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
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
                            // the import command also takes the host's model store
                            try {
                                return type.getConstructor(
                                                CommandContext.class,
                                                io.dlkit.api.model.ModelStore.class)
                                        .newInstance(FakeContext.this, null);
                            } catch (NoSuchMethodException e2) {
                                return CommandLine.defaultFactory().create(type);
                            }
                        }
                    }
                };
        CommandLine root = new CommandLine(new Root(), factory);
        root.addSubcommand(new ZooCommand().command());
        root.setOut(outWriter);
        root.setErr(errWriter);
        root.setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                    errWriter.println("error: " + e.getMessage());
                    return e instanceof DlkitException d ? d.exitCode().code() : 1;
                });
        root.setAbbreviatedOptionsAllowed(false);
        return root;
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
        return new OutputWriter() {
            @Override
            public Path write(Path target, Content content) {
                checkWritable(target);
                try (var stream = Files.newOutputStream(target)) {
                    content.writeTo(stream);
                    return target;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void checkWritable(Path target) {
                if (Files.exists(target)) {
                    throw DlkitException.invalidInput(target + ": exists; use --overwrite");
                }
            }
        };
    }

    @Override
    public GraphContext openGraph() {
        return GraphContext.create(DeviceRequest.CPU, 1, settings.seed());
    }

    @Override
    public int runCommand(String... args) {
        commandsRun.add(List.of(args));
        return onRunCommand.apply(args);
    }
}
