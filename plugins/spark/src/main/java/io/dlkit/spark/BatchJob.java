package io.dlkit.spark;

import io.dlkit.api.DlkitException;
import io.dlkit.api.RunSettings;
import io.dlkit.api.extension.BatchParams;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.extension.BatchTasks;
import java.util.List;
import java.util.Map;

/**
 * One batch run, as {@code dlkit batch} and the {@code spark/batch} pipeline step describe it:
 * checks everything it can before any model loads or Spark starts, then runs the engine.
 *
 * @param task the batch task's name
 * @param params the task's parameters (snake_case names)
 * @param input {@code --input}: a folder, glob, .txt or .parquet (relative to the working folder)
 * @param output {@code --output}: the Parquet folder to write
 * @param engine {@code local} or {@code spark}
 * @param master the Spark master, or null
 * @param partitions Spark partitions, or null for the default
 * @param jsonl whether to also write JSON lines
 */
record BatchJob(
        String task,
        Map<String, String> params,
        String input,
        String output,
        String engine,
        String master,
        Integer partitions,
        boolean jsonl) {

    /** Runs the job with the tasks of {@code tasks} under the global {@code settings}. */
    BatchSummary run(BatchTasks tasks, RunSettings settings) throws Exception {
        SparkLogging.quiet(master); // Hadoop and Parquet log through SLF4J in both engines
        BatchTaskProvider provider = tasks.provider(task);
        TaskSpec spec = TaskSettings.spec(task, params, settings);
        BatchParams.of(task, provider.params(), spec.params()); // bad options fail here, not later
        if (partitions != null && partitions < 1) {
            throw DlkitException.invalidInput(
                    "batch: --partitions must be >= 1, got " + partitions);
        }
        OutputTarget out = OutputTarget.of(output, settings.workDir(), settings.overwrite());
        return switch (engine) {
            case "local" -> local(provider, spec, out, settings);
            case "spark" -> spark(tasks, provider, spec, out, settings);
            default ->
                    throw DlkitException.invalidInput(
                            "batch: --engine must be local or spark, got '" + engine + "'");
        };
    }

    private BatchSummary local(
            BatchTaskProvider provider, TaskSpec spec, OutputTarget out, RunSettings settings)
            throws Exception {
        if (master != null || partitions != null) {
            throw DlkitException.invalidInput(
                    "batch: --master and --partitions need --engine spark");
        }
        List<InputRow> rows =
                Inputs.isParquet(input)
                        ? ParquetFiles.read(uri(input, settings))
                        : Inputs.rows(input, provider.input(), settings.workDir());
        return LocalEngine.run(provider, spec, rows, out, jsonl);
    }

    private BatchSummary spark(
            BatchTasks tasks,
            BatchTaskProvider provider,
            TaskSpec spec,
            OutputTarget out,
            RunSettings settings)
            throws Exception {
        boolean parquet = Inputs.isParquet(input);
        List<InputRow> rows =
                parquet ? null : Inputs.rows(input, provider.input(), settings.workDir());
        ExecutorTasks.use(tasks);
        try (SparkSessions.Handle h = SparkSessions.open(master, "dlkit batch " + task)) {
            if (spec.threads() == 0) spec = spec.withThreads(taskCpus(h.session()));
            SparkEngine engine = new SparkEngine(h.session());
            String parquetUri = parquet ? uri(input, settings) : null;
            return engine.run(spec, engine.inputs(rows, parquetUri, partitions), out, jsonl);
        }
    }

    /**
     * TensorFlow threads per Spark task: the cores Spark gives a task ({@code spark.task.cpus}, 1
     * by default), since the executor runs as many tasks at once as it has cores; more would only
     * make the tasks' thread pools compete.
     */
    private static int taskCpus(org.apache.spark.sql.SparkSession spark) {
        return Integer.parseInt(spark.conf().get("spark.task.cpus", "1"));
    }

    private static String uri(String path, RunSettings settings) {
        if (path.contains("://")) return path;
        return settings.workDir().toAbsolutePath().resolve(path).normalize().toUri().toString();
    }
}
