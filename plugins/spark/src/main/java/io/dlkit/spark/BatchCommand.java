package io.dlkit.spark;

import io.dlkit.api.CommandContext;
import io.dlkit.api.extension.BatchTasks;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code dlkit batch TASK --input ... --output OUT.parquet}: a plugin's batch task over a data set,
 * in this process or on Apache Spark, to Parquet (and JSON lines). The task's own options ({@code
 * --conf 0.3}) follow the task name.
 */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Run inference over a data set (detect, classify, face-embed, embed) to Parquet,",
            "in this process or on Apache Spark; task options such as --model or --conf follow.",
            "e.g. dlkit batch detect --input photos/ --output photos.parquet --engine spark"
        })
public final class BatchCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            paramLabel = "TASK",
            description = "detect, classify, face-embed, embed")
    String task;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "DIR|GLOB|FILE.parquet|FILE.txt",
            description =
                    "Images: a folder (sub-folders too), a glob, a .txt list of paths or a Parquet"
                            + " file (id + bytes, content or path); texts: .txt lines or Parquet (id, text).")
    String input;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "OUT.parquet",
            description = "Results.")
    String output;

    @Option(
            names = "--engine",
            defaultValue = "local",
            paramLabel = "local|spark",
            description =
                    "local (default): this process, one model; spark: one model per partition.")
    String engine;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description =
                    "Spark master: local[2], local[2,3] (3 attempts per task), spark://HOST:PORT,"
                            + " yarn (default: spark-submit's, else local[*]).")
    String master;

    @Option(
            names = "--partitions",
            paramLabel = "N",
            description = "Spark partitions (default: the cores).")
    Integer partitions;

    @Option(names = "--jsonl", description = "Also write JSON lines (OUT.jsonl/part-*).")
    boolean jsonl;

    @Unmatched List<String> taskOptions;

    private final CommandContext ctx;
    private final BatchTasks tasks;

    @Inject
    BatchCommand(CommandContext ctx, BatchTasks tasks) {
        this.ctx = ctx;
        this.tasks = tasks;
    }

    @Override
    public Integer call() throws Exception {
        BatchJob job =
                new BatchJob(
                        task,
                        TaskOptions.parse(task, taskOptions),
                        input,
                        output,
                        engine,
                        master,
                        partitions,
                        jsonl);
        BatchSummary summary = job.run(tasks, ctx.settings());
        if (!ctx.settings().quiet()) {
            ctx.err().println(summary.line());
            ctx.err().flush();
        }
        return 0;
    }
}
