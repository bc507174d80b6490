package io.dlkit.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;

/**
 * An output row as one JSON line: the row's columns, with {@code output} as the task's JSON object
 * itself (not a string), so {@code jq .output.detections} works on it.
 */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {}

    /**
     * The Spark function of {@link #line}: a class, not a lambda, since a lambda is deserialized
     * through the class that wrote it (the engine, which names dlkit classes that a cluster
     * executor may not be able to load yet).
     */
    static final class OfRow implements MapFunction<Row, String> {
        @Override
        public String call(Row r) {
            return line(OutputRow.of(r));
        }
    }

    static String line(OutputRow r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", r.id());
        n.put("task", r.task());
        n.put("model", r.model());
        if (r.count() == null) n.putNull("count");
        else n.put("count", r.count());
        n.put("error", r.error());
        n.put("ms", r.ms());
        if (r.output() == null) n.putNull("output");
        else n.putRawValue("output", new RawValue(r.output()));
        return n.toString();
    }
}
