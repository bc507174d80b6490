package io.dlkit.cli.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code manifest.json} a pipeline run leaves beside its outputs, enough to tell later what ran
 * on what: versions, the pipeline file and its hash, the resolved plan, the settings, every input
 * and output file with its SHA-256, per-step timings and the outcome.
 */
final class RunManifest {
    static final String FILE_NAME = "manifest.json";
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Plan plan;
    private final RunRequest request;
    private final Instant startedAt;
    private final List<Map<String, Object>> inputs;
    private final List<Map<String, Object>> steps = new ArrayList<>();

    /** Starts a manifest; hashes the input files now, before any step can touch them. */
    RunManifest(Plan plan, RunRequest request, Instant startedAt) {
        this.plan = plan;
        this.request = request;
        this.startedAt = startedAt;
        this.inputs = inputFiles(plan).stream().map(f -> fileEntry(f, f.toString())).toList();
    }

    private Map<String, Object> results = Map.of();

    /** The JSON-typed step outputs, recorded in the manifest. */
    void results(Map<String, Object> results) {
        this.results = results;
    }

    void step(PlannedStep step, long millis, String status) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", step.id());
        entry.put("uses", step.type().name());
        entry.put("status", status);
        entry.put("ms", millis);
        steps.add(entry);
    }

    /** Writes the manifest atomically into the output directory. */
    Path write(Set<Path> outputs, long totalMillis, String status, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dlkit_version", request.dlkitVersion());
        m.put("status", status);
        if (error != null) {
            m.put("error", error);
        }
        m.put("started_at", startedAt.toString());
        m.put("total_ms", totalMillis);
        Map<String, Object> pipeline = new LinkedHashMap<>();
        pipeline.put("file", plan.file().path().toAbsolutePath().normalize().toString());
        pipeline.put("sha256", plan.file().sha256());
        pipeline.putAll(PlanPrinter.toMap(plan));
        m.put("pipeline", pipeline);
        m.put("settings", settings(request.settings()));
        m.put("java_version", System.getProperty("java.version"));
        m.put(
                "os",
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"));
        String tensorflow = request.tensorflowVersion().get();
        if (tensorflow != null) {
            m.put("tensorflow", tensorflow);
        }
        m.put("inputs", inputs);
        m.put(
                "outputs",
                outputs.stream()
                        .filter(Files::isRegularFile)
                        .map(f -> fileEntry(f, relative(f)))
                        .toList());
        m.put("steps", steps);
        if (!results.isEmpty()) m.put("results", results);
        Path target = request.outputDir().resolve(FILE_NAME);
        request.writer().writeString(target, toJson(m));
        return target;
    }

    private static Map<String, Object> settings(RunSettings s) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("seed", s.seed());
        map.put("device", s.device());
        map.put("threads", s.threads());
        return map;
    }

    /**
     * Every existing file named by a path input or a parameter holding a path or a list of them.
     */
    private static Set<Path> inputFiles(Plan plan) {
        Set<Path> files = new LinkedHashSet<>();
        plan.inputs().values().forEach(v -> addFile(v, files));
        plan.steps().forEach(s -> s.params().values().forEach(v -> addFile(v, files)));
        return files;
    }

    private static void addFile(Object value, Set<Path> files) {
        if (value instanceof Path p && Files.isRegularFile(p)) {
            files.add(p.toAbsolutePath().normalize());
        } else if (value instanceof List<?> paths) {
            paths.forEach(v -> addFile(v, files));
        }
    }

    private String relative(Path file) {
        return file.startsWith(request.outputDir())
                ? request.outputDir().relativize(file).toString()
                : file.toString();
    }

    private static Map<String, Object> fileEntry(Path file, String shown) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("path", shown);
        entry.put("sha256", sha256(file));
        try {
            entry.put("bytes", Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entry;
    }

    static String sha256(Path file) {
        try (DigestInputStream in =
                new DigestInputStream(
                        Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw DlkitException.failed(
                    "cannot hash " + file + " for the manifest: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private static String toJson(Map<String, Object> manifest) {
        try {
            return JSON.writeValueAsString(manifest) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest is not serialisable: " + e.getMessage(), e);
        }
    }
}
