package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/**
 * Runs {@code dlkit import-keras ...} in memory as the host would: the command created with a
 * context (output captured) and a {@link ModelStore} that records what it is asked to create,
 * errors printed as one line with their exit code.
 */
final class CommandHarness implements CommandContext, ModelStore {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final PrintWriter outWriter = new PrintWriter(out, true);
    private final PrintWriter errWriter = new PrintWriter(err, true);
    private final RunSettings settings;

    /** What {@link #create} was given. */
    record Created(
            Path dir,
            Map<String, Object> config,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {}

    Created created;

    CommandHarness(Path workDir) {
        this.settings = new RunSettings("cpu", 1, 42, "text", false, false, false, workDir);
    }

    int execute(String... args) {
        @CommandLine.Command(name = "dlkit")
        class Root {}
        CommandLine root = new CommandLine(new Root());
        root.addSubcommand(new CommandLine(new KerasImportCommand(this, this)));
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
    public void create(
            Path dir,
            Map<String, Object> modelConfig,
            Map<String, NdArray> weights,
            Map<String, Object> metadata) {
        created = new Created(dir, modelConfig, weights, metadata);
    }

    @Override
    public LoadedModel open(Path dir) {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
    }

    @Override
    public GraphContext openGraph() {
        return GraphContext.create(DeviceRequest.CPU, 1, settings.seed());
    }

    @Override
    public int runCommand(String... args) {
        throw new UnsupportedOperationException();
    }
}
