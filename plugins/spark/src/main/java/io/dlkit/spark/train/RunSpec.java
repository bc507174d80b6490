package io.dlkit.spark.train;

import io.dlkit.cli.nn.WorkerRecipe;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkFiles;

/**
 * What a worker is built from in any JVM: the run's recipe (model, optimizer, schedule, augmenter),
 * its shard's file and the batch size and seed. Serializable: each round's tasks carry it, and an
 * executor that has no worker of the run yet builds one from it (once per JVM).
 *
 * @param runId the run, the key of its workers in {@link Workers}
 * @param recipe what the worker builds its graph, schedule and augmenter from
 * @param shardNames each worker's shard file, by the name {@code SparkContext.addFile} shipped it
 *     under ({@link SparkFiles#get})
 * @param shardPaths the same files on the driver's disk (for workers in the driver's JVM)
 * @param batchSize each worker's batch size
 * @param seed the run's seed
 */
record RunSpec(
        String runId,
        WorkerRecipe recipe,
        List<String> shardNames,
        List<String> shardPaths,
        int batchSize,
        long seed)
        implements Serializable {

    /** Worker {@code id}'s shard file in this JVM: Spark's copy, else the driver's file. */
    Path shard(int id) {
        try {
            Path p = Path.of(SparkFiles.get(shardNames.get(id)));
            if (Files.isRegularFile(p)) return p;
        } catch (RuntimeException e) {
            // no SparkEnv in this JVM (a test running the workers in its own thread)
        }
        return Path.of(shardPaths.get(id));
    }
}
