package io.dlkit.plugins.detector.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.testkit.TestOptimizers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What dlkit gives a plugin command, in memory: output captured; picocli set up as the host does
 * ({@code detect} under a root, subcommands made with this context, errors one line with their exit
 * code); a real CPU graph, a plain file writer, and the repository's bundled NanoDet as the only
 * pretrained model.
 */
public final class FakeContext implements CommandContext {
    /**
     * The optimizers plugin is not a dependency of this one: commands train with testkit's RMSProp,
     * named {@code adam} so they find their default.
     */
    public static final io.dlkit.api.extension.Optimizers OPTIMIZERS =
            TestOptimizers.only(TestOptimizers.rmsProp("adam"));

    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;

    public FakeContext(String format, long seed) {
        this(format, seed, Path.of(""), false);
    }

    /** A context whose relative paths resolve against {@code workDir}. */
    public FakeContext(String format, long seed, Path workDir, boolean overwrite) {
        this.settings = new RunSettings("cpu", 1, seed, format, true, false, overwrite, workDir);
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
                            return type.getConstructor(
                                            CommandContext.class,
                                            io.dlkit.api.extension.Optimizers.class)
                                    .newInstance(FakeContext.this, OPTIMIZERS);
                        } catch (NoSuchMethodException e) {
                            // commands without optimizers
                        }
                        try {
                            return type.getConstructor(CommandContext.class)
                                    .newInstance(FakeContext.this);
                        } catch (NoSuchMethodException e) {
                            return CommandLine.defaultFactory().create(type);
                        }
                    }
                };
        CommandLine root = new CommandLine(new Root(), factory);
        root.addSubcommand(new DetectCommand(this, new RepoModels()).command());
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

    private final java.util.Set<Path> written = new java.util.HashSet<>();

    @Override
    public OutputWriter writer() {
        return new OutputWriter() {
            @Override
            public Path write(Path target, Content content) {
                checkWritable(target);
                written.add(target.toAbsolutePath());
                try (var out = java.nio.file.Files.newOutputStream(target)) {
                    content.writeTo(out);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return target;
            }

            @Override
            public void claim(Path target) {
                written.add(target.toAbsolutePath());
            }

            @Override
            public void checkWritable(Path target) {
                if (!settings.overwrite()
                        && java.nio.file.Files.exists(target)
                        && !written.contains(target.toAbsolutePath())) {
                    throw DlkitException.invalidInput(target + " exists; use --overwrite");
                }
            }
        };
    }

    @Override
    public GraphContext openGraph() {
        return GraphContext.create(io.dlkit.backend.runtime.DeviceRequest.CPU, 1, settings.seed());
    }

    @Override
    public int runCommand(String... args) {
        throw new UnsupportedOperationException("detect anchors runs no other command");
    }
}
