package io.dlkit.spark;

import org.apache.spark.sql.SparkSession;

/** Starts the add-on's SparkSession: quiet logs, no web UI, loopback networking in local mode. */
public final class SparkSessions {
    private SparkSessions() {}

    /**
     * A session on {@code master} (local[2], local[2,3], spark://HOST:PORT, yarn), named {@code
     * app}; an existing session (spark-submit's) is reused with its own settings.
     */
    public static SparkSession start(String master, String app) {
        SparkLogging.quiet();
        SparkSession.Builder b = SparkSession.builder().appName(app).master(master);
        b.config("spark.ui.enabled", "false");
        b.config("spark.ui.showConsoleProgress", "false");
        b.config("spark.sql.adaptive.enabled", "false");
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1");
            b.config("spark.driver.bindAddress", "127.0.0.1");
            b.config("spark.sql.shuffle.partitions", "4");
        }
        return b.getOrCreate();
    }
}
