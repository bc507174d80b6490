package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchRecord;
import io.dlkit.api.extension.BatchResult;
import io.dlkit.api.extension.BatchTask;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.extension.BatchTasks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A text task for the tests: outputs each text's length; the text {@code bad} fails. Counts how
 * many sessions were opened and closed (Spark's executors are threads of the test's JVM).
 */
final class EchoTask implements BatchTaskProvider {
    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    static BatchTasks registry() {
        EchoTask echo = new EchoTask();
        return new BatchTasks() {
            @Override
            public List<String> names() {
                return List.of("echo");
            }

            @Override
            public BatchTaskProvider provider(String name) {
                if (!name.equals("echo")) throw DlkitException.invalidInput("no task " + name);
                return echo;
            }
        };
    }

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String description() {
        return "the length of each text";
    }

    @Override
    public Input input() {
        return Input.TEXT;
    }

    @Override
    public List<Param> params() {
        return List.of(new Param("suffix", "", "appended to each text"));
    }

    @Override
    public BatchTask open(RunSettings settings, Map<String, String> params) {
        String suffix = BatchParams.of(name(), params(), params).string("suffix");
        OPENED.incrementAndGet();
        return new BatchTask() {
            @Override
            public String modelId() {
                return "echo-model";
            }

            @Override
            public BatchResult process(BatchRecord record) {
                if (record.text().equals("bad")) throw new IllegalArgumentException("bad record");
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("text", record.text() + suffix);
                out.put("length", record.text().length());
                return new BatchResult(out, record.text().length());
            }

            @Override
            public void close() {
                CLOSED.incrementAndGet();
            }
        };
    }
}
