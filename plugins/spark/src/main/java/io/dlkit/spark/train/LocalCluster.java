package io.dlkit.spark.train;

import io.dlkit.api.DlkitException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkContext;

/**
 * {@code --master local-cluster[N,C,MB]}: Spark's own pseudo-cluster, a master and N workers in
 * this JVM that start real executor JVMs, each with {@code $SPARK_HOME/jars/*} on its class path.
 * The executors get this distribution's {@code lib/} first (as the launcher puts it) and {@code
 * -Ddlkit.home}, so they start dlkit's plugin host from it: a cluster on one machine, for tests and
 * measurements.
 */
final class LocalCluster {
    static final String CLASS_PATH = "spark.executor.extraClassPath";
    static final String JAVA_OPTIONS = "spark.executor.extraJavaOptions";

    private LocalCluster() {}

    /** Sets the executors' class path and options (unless given) from {@code -Ddlkit.home}. */
    static void configure() {
        Path home = Path.of(System.getProperty("dlkit.home", "."));
        checkSparkHome(home);
        if (System.getProperty(CLASS_PATH) == null)
            System.setProperty(CLASS_PATH, home.resolve("lib") + "/*");
        // Spark adds its own --add-opens list for Java 17 (JavaModuleOptions) to executors.
        if (System.getProperty(JAVA_OPTIONS) == null)
            System.setProperty(JAVA_OPTIONS, "-Ddlkit.home=" + home);
    }

    /**
     * Waits (up to {@code seconds}) until {@code executors} executors have registered, so that the
     * first barrier round does not start before there are slots for it (Spark would warn and
     * retry).
     */
    static void awaitExecutors(SparkContext sc, int executors, int seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        // getExecutorInfos counts the driver too.
        while (sc.statusTracker().getExecutorInfos().length <= executors
                && System.nanoTime() < end) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void checkSparkHome(Path home) {
        String sparkHome = System.getenv("SPARK_HOME");
        if (sparkHome == null || !Files.isDirectory(Path.of(sparkHome, "jars"))) {
            throw DlkitException.invalidInput(
                    "--master local-cluster[...] starts executor JVMs with $SPARK_HOME/jars/* on"
                            + " their class path, but "
                            + (sparkHome == null
                                    ? "SPARK_HOME is not set"
                                    : sparkHome + "/jars is missing")
                            + "; set SPARK_HOME to a folder whose jars is a link to "
                            + home.resolve("lib/spark")
                            + " and SPARK_SCALA_VERSION=2.13");
        }
    }
}
