package io.dlkit.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.dlkit.api.DlkitException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code --engine spark}: the inputs as a {@code Dataset<Row>} ({@link InputRow#SCHEMA}), {@link
 * BatchPartition} over each partition (one task per partition), the output rows written as Parquet
 * by Spark's file committer (a failed task attempt's files are discarded, so a retried task's rows
 * appear once) into a temporary folder renamed into place when the job has succeeded. No shuffle
 * unless {@code --partitions} re-partitions a Parquet input.
 */
final class SparkEngine {
    private final SparkSession spark;

    SparkEngine(SparkSession spark) {
        this.spark = spark;
    }

    /** The input data set: listed rows sliced into {@code partitions}, or a Parquet input. */
    Dataset<Row> inputs(List<InputRow> rows, String parquet, Integer partitions) {
        if (parquet != null) {
            Dataset<Row> d = normalized(spark.read().parquet(parquet));
            return partitions == null ? d : d.repartition(partitions);
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int slices = partitions != null ? partitions : jsc.defaultParallelism();
        JavaRDD<Row> rdd =
                jsc.parallelize(rows.stream().map(InputRow::toRow).toList(), Math.max(1, slices));
        return spark.createDataFrame(rdd, InputRow.SCHEMA);
    }

    /** Runs the task over {@code inputs} and writes {@code out} (and its JSON lines). */
    BatchSummary run(TaskSpec spec, Dataset<Row> inputs, OutputTarget out, boolean jsonl)
            throws IOException {
        long start = System.nanoTime();
        LongAccumulator records = spark.sparkContext().longAccumulator("records");
        LongAccumulator errors = spark.sparkContext().longAccumulator("errors");
        Dataset<Row> results =
                inputs.mapPartitions(
                        new BatchPartition(spec, records, errors), Encoders.row(OutputRow.SCHEMA));
        String tmp = out.temporary();
        OutputTarget json = jsonl ? out.jsonLines() : null;
        String jsonTmp = jsonl ? json.temporary() : null;
        try {
            results.write().parquet(tmp);
            // The JSON lines come from the written Parquet: inference runs once.
            if (jsonl) {
                spark.read()
                        .parquet(tmp)
                        .map(new JsonLines.OfRow(), Encoders.STRING())
                        .write()
                        .text(jsonTmp);
            }
        } catch (Exception e) { // Spark throws its checked SparkException undeclared
            out.discard(tmp);
            if (jsonl) json.discard(jsonTmp);
            throw jobFailed(e);
        }
        out.commit(tmp);
        if (jsonl) json.commit(jsonTmp);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new BatchSummary(spec.task(), records.value(), errors.value(), seconds, out.uri());
    }

    /** A Parquet input's columns as {@link InputRow#SCHEMA}: id, path, bytes, text. */
    private static Dataset<Row> normalized(Dataset<Row> d) {
        List<String> cols = Arrays.asList(d.columns());
        Column path = cols.contains("path") ? col("path").cast("string") : nullOf("string");
        Column id = cols.contains("id") ? col("id").cast("string") : path;
        Column bytes =
                cols.contains("bytes")
                        ? col("bytes")
                        : cols.contains("content") ? col("content") : nullOf("binary");
        Column text = cols.contains("text") ? col("text").cast("string") : nullOf("string");
        if (!cols.contains("id") && !cols.contains("path")) {
            throw DlkitException.invalidInput(
                    "batch: a Parquet input needs an id or a path column; it has "
                            + String.join(", ", cols));
        }
        return d.select(id.as("id"), path.as("path"), bytes.as("bytes"), text.as("text"));
    }

    private static Column nullOf(String type) {
        return lit(null).cast(type.equals("binary") ? DataTypes.BinaryType : DataTypes.StringType);
    }

    /** A failed job as one line: its root cause (a task's own error), not Spark's stack. */
    private static RuntimeException jobFailed(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        if (root instanceof DlkitException d) return d;
        if (e instanceof DlkitException d) return d;
        return DlkitException.failed("batch: the Spark job failed: " + TaskRunner.oneLine(root), e);
    }
}
