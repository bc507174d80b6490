package io.dlkit.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One opened batch task (one model load) turning input rows into output rows, one at a time: a
 * record that fails (an unreadable or corrupt image) becomes a row with its one-line error, never a
 * failed run. Used for the whole input by the local engine, once per partition by Spark.
 */
final class TaskRunner implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BatchTaskProvider provider;
    private final BatchTask task;

    private TaskRunner(BatchTaskProvider provider, BatchTask task) {
        this.provider = provider;
        this.task = task;
    }

    /** Opens the task of {@code spec} (loads its model). */
    static TaskRunner open(BatchTaskProvider provider, TaskSpec spec) {
        return new TaskRunner(provider, provider.open(TaskSettings.of(spec), spec.params()));
    }

    /** The output row of {@code in}. */
    OutputRow process(InputRow in) {
        long start = System.nanoTime();
        try {
            BatchResult r = task.process(record(in));
            return new OutputRow(
                    in.id(),
                    provider.name(),
                    task.modelId(),
                    r.count(),
                    null,
                    millis(start),
                    JSON.writeValueAsString(r.output()));
        } catch (Exception e) {
            return OutputRow.failed(
                    in.id(), provider.name(), task.modelId(), oneLine(e), millis(start));
        }
    }

    private BatchRecord record(InputRow in) throws IOException {
        if (provider.input() == BatchTaskProvider.Input.TEXT) {
            if (in.text() == null) {
                throw new IllegalArgumentException(
                        "the record has no text; the " + provider.name() + " task reads texts");
            }
            return BatchRecord.text(in.id(), in.text());
        }
        if (in.bytes() != null) return BatchRecord.image(in.id(), in.bytes());
        if (in.path() == null) {
            throw new IllegalArgumentException(
                    "the record has neither image bytes nor a path; the "
                            + provider.name()
                            + " task reads images");
        }
        return BatchRecord.image(in.id(), readFile(in.path()));
    }

    static byte[] readFile(String path) throws IOException {
        if (path.contains("://") && !path.startsWith("file:")) return HadoopFiles.read(path);
        Path p = path.startsWith("file:") ? Path.of(java.net.URI.create(path)) : Path.of(path);
        if (!Files.isRegularFile(p)) throw new IOException(path + ": no such file");
        return Files.readAllBytes(p);
    }

    static String oneLine(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) e = u.getCause();
        if (e instanceof JsonProcessingException) return "cannot write the output as JSON: " + e;
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    @Override
    public void close() {
        task.close();
    }
}
