package io.dlkit.plugins.embeddings.command;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.GraphContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * What dlkit gives a plugin command, in memory: output captured, plain file writes that refuse to
 * replace a file, relative paths under a work folder. {@link #execute} runs {@code dlkit embed ...}
 * through picocli as the host does: every error one line with its exit code.
 */
final class FakeContext implements CommandContext {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;

    FakeContext(String format, Path workDir) {
        this.settings = new RunSettings("cpu", 1, 42, format, true, false, false, workDir);
    }

    /** Runs {@code dlkit <args>} with {@code embed} as the only command. */
    int execute(String... args) {
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
                            for (var c : type.getConstructors()) {
                                if (c.getParameterCount() == 2
                                        && c.getParameterTypes()[1] == ModelStore.class) {
                                    // no model store here: the commands needing one are
                                    // tested end to end (EmbeddingsIT)
                                    return type.cast(c.newInstance(FakeContext.this, null));
                                }
                            }
                            return CommandLine.defaultFactory().create(type);
                        }
                    }
                };
        CommandLine root = new CommandLine(new Root(), factory);
        root.addSubcommand(new EmbedCommand().command());
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
        throw new UnsupportedOperationException("the embed commands need no TensorFlow graph");
    }

    @Override
    public int runCommand(String... args) {
        throw new UnsupportedOperationException("the embed commands run no other command");
    }
}
