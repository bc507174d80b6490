package io.dlkit.spark;

import io.dlkit.api.extension.BatchTaskProvider;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code --engine local}: one task (one model load) over every record in this process, no Spark
 * session; writes the same Parquet layout as the Spark engine ({@code OUT/part-00000...parquet}).
 */
final class LocalEngine {
    private LocalEngine() {}

    static BatchSummary run(
            BatchTaskProvider provider,
            TaskSpec spec,
            List<InputRow> inputs,
            OutputTarget out,
            boolean jsonl)
            throws IOException {
        long start = System.nanoTime();
        String tmp = out.temporary();
        OutputTarget json = jsonl ? out.jsonLines() : null;
        String jsonTmp = jsonl ? json.temporary() : null;
        long[] errors = {0};
        try (TaskRunner runner = TaskRunner.open(provider, spec);
                BufferedWriter lines = jsonl ? writer(jsonTmp) : null) {
            Iterator<InputRow> it = inputs.iterator();
            Iterator<OutputRow> rows =
                    new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return it.hasNext();
                        }

                        @Override
                        public OutputRow next() {
                            OutputRow r = runner.process(it.next());
                            if (r.error() != null) errors[0]++;
                            if (lines != null) append(lines, r);
                            return r;
                        }
                    };
            ParquetFiles.write(rows, tmp);
        } catch (IOException | RuntimeException e) {
            out.discard(tmp);
            if (jsonl) json.discard(jsonTmp);
            throw e;
        }
        out.commit(tmp);
        if (jsonl) json.commit(jsonTmp);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BatchSummary(spec.task(), inputs.size(), errors[0], seconds, out.uri());
    }

    private static BufferedWriter writer(String dir) throws IOException {
        Path file = new Path(dir, "part-00000.json");
        FileSystem fs = file.getFileSystem(new Configuration());
        return new BufferedWriter(new OutputStreamWriter(fs.create(file), StandardCharsets.UTF_8));
    }

    private static void append(BufferedWriter w, OutputRow r) {
        try {
            w.write(JsonLines.line(r));
            w.write('\n');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
