package io.dlkit.cli;

import io.dlkit.api.CommandContext;
import io.dlkit.api.RunSettings;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.cli.output.AtomicOutputWriter;
import java.io.PrintWriter;

/** The {@link CommandContext} of one CLI invocation; settings are read when a command runs. */
public final class CliCommandContext implements CommandContext {
    private final GlobalOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final OutputWriter writer;
    private boolean pipelineRunning;

    CliCommandContext(GlobalOptions options, PrintWriter out, PrintWriter err) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.writer = new AtomicOutputWriter(() -> options.overwrite);
    }

    /** Whether {@code --offline} was given: no pretrained model may be fetched. */
    public boolean offline() {
        return options.offline;
    }

    @Override
    public RunSettings settings() {
        return options.toSettings();
    }

    /**
     * While a pipeline runs, stdout is the run's summary only: what a step prints there (the result
     * of a command it runs through {@link #runCommand}, such as rnn/train's train) goes to stderr.
     */
    public void pipelineRunning(boolean running) {
        this.pipelineRunning = running;
    }

    @Override
    public PrintWriter out() {
        return pipelineRunning ? err : out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    @Override
    public OutputWriter writer() {
        return writer;
    }

    private picocli.CommandLine root;

    void root(picocli.CommandLine root) {
        this.root = root;
    }

    @Override
    public int runCommand(String... args) {
        java.util.List<String> all =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "--device",
                                options.device,
                                "--threads",
                                Integer.toString(options.threads),
                                "--seed",
                                Long.toString(options.seed),
                                "--format",
                                options.format));
        if (options.quiet) all.add("-q");
        if (options.verbose) all.add("-v");
        if (options.overwrite) all.add("--overwrite");
        if (options.stackTraces) all.add("-x");
        if (options.offline) all.add("--offline");
        all.addAll(java.util.List.of(args));
        return root.execute(all.toArray(String[]::new));
    }

    @Override
    public GraphContext openGraph() {
        RunSettings s = settings();
        GraphContext g =
                GraphContext.create(DeviceRequest.parse(s.device()), s.threads(), s.seed());
        if (!s.quiet()) {
            err.println(g.header());
            err.flush();
        }
        return g;
    }
}
