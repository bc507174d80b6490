package io.dlkit.spark;

import org.apache.spark.sql.SparkSession;

/** Starts the add-on's SparkSession: quiet logs, no web UI, loopback networking in local mode. */
public final class SparkSessions {
    private SparkSessions() {}

    /** A session and whether closing it should stop it (not when it was already running). */
    record Handle(SparkSession session, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) session.stop();
        }
    }

    /**
     * A session on {@code master} (local[2], local[2,3], spark://HOST:PORT, yarn; null:
     * spark-submit's {@code spark.master}, else local[*]), named {@code app}. A running session (a
     * test's, or one in a program embedding dlkit) is reused as it is.
     */
    static Handle open(String master, String app) {
        SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
        if (active == null) active = SparkSession.getDefaultSession().getOrElse(() -> null);
        if (active != null) return new Handle(active, false);
        return new Handle(start(master, app), true);
    }

    /** Starts (or gets) a session on {@code master}, as {@link #open} describes. */
    public static SparkSession start(String master, String app) {
        SparkLogging.quiet(master);
        SparkSession.Builder b = SparkSession.builder().appName(app);
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        b.master(m);
        b.config("spark.ui.enabled", "false");
        b.config("spark.ui.showConsoleProgress", "false");
        if (m.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1");
            b.config("spark.driver.bindAddress", "127.0.0.1");
            b.config("spark.sql.shuffle.partitions", "4");
        }
        String jars = addOnJar(m);
        if (jars != null) b.config("spark.jars", jars);
        return b.getOrCreate();
    }

    /**
     * {@code spark.jars} with this add-on's jar added when executors are other JVMs (a cluster,
     * {@code local-cluster[...]}) and nobody ships it (spark-submit does, as its application jar),
     * so they can load the batch job's classes; null when nothing is to change.
     */
    static String addOnJar(String master) {
        if (master.startsWith("local[") || master.equals("local")) return null;
        java.security.CodeSource src = SparkSessions.class.getProtectionDomain().getCodeSource();
        String self = src == null ? null : src.getLocation().toString();
        if (self == null || !self.endsWith(".jar")) return null;
        String jars = System.getProperty("spark.jars", "");
        String name = self.substring(self.lastIndexOf('/') + 1);
        for (String jar : jars.split(",")) {
            if (jar.endsWith("/" + name) || jar.equals(name)) return null;
        }
        return jars.isBlank() ? self : jars + "," + self;
    }
}
