package io.dlkit.spark.train;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * With {@code -Ddlkit.spark.trace=true}: one stderr line per finished task, where a round's time
 * goes (Spark's own task metrics, in ms), for measuring the cost of a round.
 */
final class TaskTrace extends SparkListener {
    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        TaskMetrics m = e.taskMetrics();
        System.err.printf(
                "task end: executor %s (%s) %d ms: deserialize %d, run %d, serialize result %d,"
                        + " gc %d%n",
                e.taskInfo().executorId(),
                e.taskInfo().taskLocality(),
                e.taskInfo().duration(),
                m.executorDeserializeTime(),
                m.executorRunTime(),
                m.resultSerializationTime(),
                m.jvmGCTime());
    }
}
