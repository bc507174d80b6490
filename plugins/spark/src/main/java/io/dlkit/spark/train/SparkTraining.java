package io.dlkit.spark.train;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.train.TrainState;
import io.dlkit.cli.nn.DistributedFit;
import io.dlkit.cli.nn.DistributedTraining;
import io.dlkit.spark.SparkSessions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code dlkit train --engine spark}: {@link ParameterAveraging} with each round run as a barrier
 * Spark job ({@link SparkRounds}) on {@code --master} (default: spark-submit's master, else {@code
 * local[N]} for N workers; {@code local-cluster[N,1,MB]} runs them in N executor JVMs on this
 * machine, as a cluster would).
 */
public final class SparkTraining implements DistributedTraining {
    private static final String MAX_DIRECT_RESULT = "spark.task.maxDirectResultSize";
    // For measuring: true sends the weights through Spark (broadcast, task results) in local mode.
    private static final String SERIALIZE_WEIGHTS = "dlkit.spark.serialize-weights";
    private static final String COMPRESS_BROADCAST = "spark.broadcast.compress";
    private static final String DAG_LOG =
            "org.slf4j.simpleLogger.log.org.apache.spark.scheduler.DAGScheduler";
    private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");
    private static final int EXECUTOR_WAIT_S = 120;
    private static final Pattern LOCAL_CLUSTER =
            Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    /** The engine, as {@link java.util.ServiceLoader} makes it. */
    public SparkTraining() {}

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TrainState fit(DistributedFit job) {
        int workers = job.engine().workers();
        // --master, else spark-submit's (it sets spark.master), else local[N].
        String master =
                job.engine().master() != null
                        ? job.engine().master()
                        : System.getProperty("spark.master", "local[" + workers + "]");
        checkMaster(master, workers);
        boolean inJvm = LOCAL.matcher(master).matches();
        // A round's results (every variable of each worker, megabytes) would otherwise go through
        // the block manager's network fetch instead of straight back to the driver.
        if (System.getProperty(MAX_DIRECT_RESULT) == null)
            System.setProperty(MAX_DIRECT_RESULT, "128m");
        // The weights are most of every broadcast (they travel in the task binary): float32
        // weights barely compress, and compressing them cost 4 of 45 CPU s on local-cluster.
        if (System.getProperty(COMPRESS_BROADCAST) == null)
            System.setProperty(COMPRESS_BROADCAST, "false");
        // "Broadcasting large task binary": the weights, on purpose, every round.
        if (System.getProperty(DAG_LOG) == null) System.setProperty(DAG_LOG, "error");
        if (LOCAL_CLUSTER.matcher(master).matches()) LocalCluster.configure();
        SparkSession spark = SparkSessions.start(master, "dlkit-train");
        Matcher cluster = LOCAL_CLUSTER.matcher(master);
        if (cluster.matches())
            LocalCluster.awaitExecutors(
                    spark.sparkContext(), Integer.parseInt(cluster.group(1)), EXECUTOR_WAIT_S);
        if (SparkRounds.TRACE) spark.sparkContext().addSparkListener(new TaskTrace());
        try {
            return new ParameterAveraging(
                            job,
                            new SparkRounds(
                                    JavaSparkContext.fromSparkContext(spark.sparkContext()),
                                    inJvm && !Boolean.getBoolean(SERIALIZE_WEIGHTS)))
                    .fit();
        } catch (IllegalArgumentException e) {
            throw DlkitException.invalidInput(e.getMessage());
        } finally {
            spark.stop();
        }
    }

    /**
     * Barrier mode starts all of a round's tasks together or fails: a local master ({@code
     * local[N]}, {@code local-cluster[W,C,M]}) needs a task slot for every worker. Other masters
     * are checked by Spark when the first round starts.
     */
    static void checkMaster(String master, int workers) {
        Matcher m = LOCAL.matcher(master);
        Matcher c = LOCAL_CLUSTER.matcher(master);
        int slots;
        if (m.matches()) {
            slots =
                    m.group(1).equals("*")
                            ? Runtime.getRuntime().availableProcessors()
                            : Integer.parseInt(m.group(1));
        } else if (c.matches()) {
            slots = Integer.parseInt(c.group(1)) * Integer.parseInt(c.group(2));
        } else if (master.startsWith("local")) {
            throw DlkitException.invalidInput(
                    "--master "
                            + master
                            + ": use local[N] or local-cluster[EXECUTORS,CORES,MB] with a task slot"
                            + " for each of the --workers "
                            + workers);
        } else {
            return;
        }
        if (slots < workers) {
            throw DlkitException.invalidInput(
                    "--master "
                            + master
                            + " has "
                            + slots
                            + " task slots but --workers "
                            + workers
                            + " needs one each (barrier mode runs them together); use --master local["
                            + workers
                            + "]");
        }
    }
}
