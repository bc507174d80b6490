package io.dlkit.spark;

/**
 * Keeps Spark, Hadoop and Parquet quiet (warnings only) on dlkit's SLF4J logger (slf4j-simple):
 * must run before their first logger exists, so before any SparkSession.
 */
final class SparkLogging {
    private static final String[] NOISY = {
        "org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet"
    };

    private SparkLogging() {}

    static void quiet(String master) {
        String prefix = "org.slf4j.simpleLogger.log.";
        for (String logger : NOISY) {
            if (System.getProperty(prefix + logger) == null) {
                System.setProperty(prefix + logger, "warn");
            }
        }
        // Hadoop's "Unable to load native-hadoop library" is expected and says nothing useful.
        System.setProperty(prefix + "org.apache.hadoop.util.NativeCodeLoader", "error");
        if (master == null || master.startsWith("local")) {
            // "Your hostname resolves to a loopback address": irrelevant when all is local.
            System.setProperty(prefix + "org.apache.spark.util.Utils", "error");
        }
    }
}
