package io.dlkit.spark;

import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.TaskCompletionListener;

/**
 * The Spark side of {@code dlkit batch}: one partition of input rows through ONE opened task (one
 * model load per partition, never per record), lazily, row by row, so a partition larger than
 * memory streams. The task is closed when Spark's task completes, whether it succeeded or not.
 */
final class BatchPartition implements MapPartitionsFunction<Row, Row> {
    /**
     * Test-only: the id of a record whose first task attempt fails (a thrown exception, as a lost
     * executor thread would), to check that Spark's retry still writes each input once.
     */
    static final String FAIL_ONCE = "dlkit.batch.failOnce";

    private final TaskSpec spec;
    private final LongAccumulator records;
    private final LongAccumulator errors;

    /**
     * The partition function of {@code spec}, counting rows and failed records into the
     * accumulators (Spark applies a task's updates once, when the task succeeds).
     */
    BatchPartition(TaskSpec spec, LongAccumulator records, LongAccumulator errors) {
        this.spec = spec;
        this.records = records;
        this.errors = errors;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) return Collections.emptyIterator();
        ExecutorClassPath.ensure(); // on a cluster executor: the shipped lib/, before dlkit loads
        TaskRunner runner = TaskRunner.open(ExecutorTasks.provider(spec.task()), spec);
        TaskContext context = TaskContext.get();
        if (context != null) {
            context.addTaskCompletionListener((TaskCompletionListener) c -> runner.close());
        }
        String failOnce = System.getProperty(FAIL_ONCE);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                InputRow in = InputRow.of(rows.next());
                if (in.id().equals(failOnce) && context != null && context.attemptNumber() == 0) {
                    throw new IllegalStateException(
                            "injected failure at " + in.id() + " (" + FAIL_ONCE + ", test only)");
                }
                OutputRow out = runner.process(in);
                records.add(1);
                if (out.error() != null) errors.add(1);
                return out.toRow();
            }
        };
    }
}
