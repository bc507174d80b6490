package io.dlkit.cli.pipeline;

import static java.util.Objects.requireNonNull;

import io.dlkit.api.DlkitException;
import io.dlkit.api.ExitCode;
import io.dlkit.api.pipeline.ArtifactJson;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a {@link Plan}: each step in order, its outputs passed in memory to the steps wired to them,
 * a progress line per step ({@code [2/4] small (image/resize) ... 12 ms}), and {@code
 * manifest.json} written into the output directory at the end, also when a step fails.
 *
 * <p>The runner owns the artifacts steps produce: a consumer may read but not close them; the
 * runner drops each one after its last consumer has run and closes those that are {@link
 * AutoCloseable} when the run ends.
 */
public final class PipelineRunner {
    private final PrintWriter progress;

    /**
     * A runner.
     *
     * @param progress where progress lines go (stderr); nothing is printed with {@code -q}
     */
    public PipelineRunner(PrintWriter progress) {
        this.progress = requireNonNull(progress, "progress is null");
    }

    /**
     * Runs the plan.
     *
     * @return the outputs, the manifest and the timings
     * @throws DlkitException when a step fails ({@code step 'small' (image/resize) failed: ...},
     *     exit code 1 unless the step's own error says otherwise), or when the output directory's
     *     manifest exists and {@code --overwrite} was not given
     */
    public RunResult run(Plan plan, RunRequest request) {
        request.writer().prepareFolder(request.outputDir(), null);
        request.writer().checkWritable(request.outputDir().resolve(RunManifest.FILE_NAME));
        long start = System.nanoTime();
        RunManifest manifest = new RunManifest(plan, request, Instant.now());
        Set<Path> outputs = Collections.synchronizedSet(new LinkedHashSet<>());
        Map<String, Long> timings = new LinkedHashMap<>();
        Artifacts artifacts = new Artifacts(plan);
        Map<String, Object> results = new LinkedHashMap<>();
        try {
            for (int i = 0; i < plan.steps().size(); i++) {
                PlannedStep step = plan.steps().get(i);
                String prefix = "[" + (i + 1) + "/" + plan.steps().size() + "] " + step.label();
                long millis = runStep(step, prefix, request, artifacts, outputs, manifest, results);
                timings.put(step.id(), millis);
            }
        } catch (DlkitException e) {
            writeQuietly(manifest, outputs, start, e);
            throw e;
        } finally {
            artifacts.close();
        }
        long total = elapsed(start);
        manifest.results(results);
        Path manifestFile = manifest.write(outputs, total, "ok", null);
        return new RunResult(
                request.outputDir(), manifestFile, List.copyOf(outputs), timings, total, results);
    }

    private long runStep(
            PlannedStep step,
            String prefix,
            RunRequest request,
            Artifacts artifacts,
            Set<Path> outputs,
            RunManifest manifest,
            Map<String, Object> results) {
        boolean quiet = request.settings().quiet();
        Line line = new Line(prefix, quiet);
        long t0 = System.nanoTime();
        try {
            PipelineStepContext context =
                    new PipelineStepContext(step.id(), request, outputs, line::progress);
            Map<String, Object> produced =
                    step.type().run(context, new Params(step.params()), artifacts.inputsOf(step));
            checkOutputs(step, produced);
            for (var port : step.type().outputs()) {
                ArtifactJson.of(port.type(), produced.get(port.name()))
                        .ifPresent(json -> results.put(step.id() + "." + port.name(), json));
            }
            artifacts.produced(step, produced);
        } catch (Exception | LinkageError e) {
            long millis = elapsed(t0);
            line.end("failed after " + millis + " ms");
            manifest.step(step, millis, "failed");
            throw failure(step, e);
        }
        long millis = elapsed(t0);
        line.end(millis + " ms");
        manifest.step(step, millis, "ok");
        return millis;
    }

    private static void checkOutputs(PlannedStep step, Map<String, Object> produced) {
        for (Port port : step.type().outputs()) {
            if (produced == null || produced.get(port.name()) == null) {
                throw new IllegalStateException(
                        "step type "
                                + step.type().name()
                                + " did not return its declared output '"
                                + port.name()
                                + "'");
            }
        }
    }

    private static DlkitException failure(PlannedStep step, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        String oneLine = newline < 0 ? message : message.substring(0, newline);
        ExitCode code = e instanceof DlkitException d ? d.exitCode() : ExitCode.FAILED;
        return new DlkitException(
                code,
                "step '" + step.id() + "' (" + step.type().name() + ") failed: " + oneLine,
                e);
    }

    private static void writeQuietly(
            RunManifest manifest, Set<Path> outputs, long start, DlkitException e) {
        try {
            manifest.write(outputs, elapsed(start), "failed", e.getMessage());
        } catch (RuntimeException suppressed) {
            e.addSuppressed(suppressed);
        }
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** One step's progress line: the prefix first, then either the time or progress messages. */
    private final class Line {
        private final String prefix;
        private final boolean quiet;
        private boolean open;

        Line(String prefix, boolean quiet) {
            this.prefix = prefix;
            this.quiet = quiet;
            if (!quiet) {
                progress.print(prefix + " ...");
                progress.flush();
                open = true;
            }
        }

        void progress(String message) {
            if (quiet) {
                return;
            }
            if (open) {
                progress.println();
                open = false;
            }
            progress.println("    " + message);
            progress.flush();
        }

        void end(String status) {
            if (!quiet) {
                progress.println(open ? " " + status : prefix + " ... " + status);
                progress.flush();
            }
        }
    }

    /** The artifacts of a run: who produced what, who still needs it, what to close. */
    private static final class Artifacts {
        private final Map<String, Object> pipelineInputs;
        private final Map<String, Map<String, Object>> byStep = new HashMap<>();
        private final Map<String, Integer> consumersLeft = new HashMap<>();
        private final Set<Object> closeables = Collections.newSetFromMap(new IdentityHashMap<>());

        Artifacts(Plan plan) {
            this.pipelineInputs = plan.inputs();
            for (PlannedStep step : plan.steps()) {
                step.wiring().values().stream()
                        .filter(r -> !r.isInput())
                        .map(Reference::source)
                        .distinct()
                        .forEach(s -> consumersLeft.merge(s, 1, Integer::sum));
            }
        }

        Map<String, Object> inputsOf(PlannedStep step) {
            Map<String, Object> inputs = new LinkedHashMap<>();
            step.wiring()
                    .forEach(
                            (port, ref) ->
                                    inputs.put(
                                            port,
                                            ref.isInput()
                                                    ? pipelineInputs.get(ref.name())
                                                    : byStep.get(ref.source()).get(ref.name())));
            return inputs;
        }

        void produced(PlannedStep step, Map<String, Object> outputs) {
            outputs.values().stream()
                    .filter(v -> v instanceof AutoCloseable)
                    .forEach(closeables::add);
            if (consumersLeft.getOrDefault(step.id(), 0) > 0) {
                byStep.put(step.id(), new HashMap<>(outputs));
            }
            step.wiring().values().stream()
                    .filter(r -> !r.isInput())
                    .map(Reference::source)
                    .distinct()
                    .forEach(
                            source -> {
                                if (consumersLeft.merge(source, -1, Integer::sum) == 0) {
                                    byStep.remove(source);
                                }
                            });
        }

        void close() {
            for (Object c : closeables) {
                try {
                    ((AutoCloseable) c).close();
                } catch (Exception ignored) {
                    // Closing frees memory; a failure to do so must not hide the run's outcome.
                }
            }
        }
    }
}
