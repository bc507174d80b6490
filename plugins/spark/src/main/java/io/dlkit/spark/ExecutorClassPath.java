package io.dlkit.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.util.MutableURLClassLoader;

/**
 * Puts the shipped distribution's {@code lib/} on a cluster executor's class path. A standalone
 * worker starts the executor's JVM before it fetches {@code --archives}, so a class path entry
 * {@code ./dlkit/lib/*} is still empty then; only the application jar (this add-on, shipped by
 * spark-submit) is in the task's class loader. The first task adds {@code lib/*.jar} of the
 * unpacked archive to that loader, before any dlkit class is loaded. Uses only the JDK and Spark:
 * dlkit's own classes may not be loadable yet when this runs.
 */
public final class ExecutorClassPath {
    private static final String PROBE = "io.dlkit.cli.DlkitApplication";

    private ExecutorClassPath() {}

    /** Makes dlkit's classes loadable from this add-on's class loader (no-op when they are). */
    public static synchronized void ensure() {
        ensure(ExecutorClassPath.class.getClassLoader(), PROBE);
    }

    /** Makes {@code probe} loadable from {@code loader} with the jars of the home's lib/. */
    static void ensure(ClassLoader loader, String probe) {
        if (loadable(loader, probe)) return;
        Path lib = home().resolve("lib");
        if (!(loader instanceof MutableURLClassLoader m)) {
            throw new IllegalStateException(
                    "batch: this Spark executor cannot load dlkit ("
                            + probe
                            + ") and its class loader is not Spark's; add "
                            + lib
                            + "/* to spark.executor.extraClassPath");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                m.addURL(jar.toUri().toURL());
            }
        } catch (IOException e) { // a malformed URL included
            throw new IllegalStateException("batch: cannot read " + lib + ": " + e, e);
        }
        System.err.println("dlkit executor: added " + lib + "/*.jar to the task class path");
    }

    private static boolean loadable(ClassLoader loader, String probe) {
        try {
            Class.forName(probe, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Where the distribution is on this executor: {@code -Ddlkit.home}, {@code $DLKIT_HOME}, or the
     * folder {@code dlkit} that {@code --archives dlkit-spark.tgz#dlkit} unpacks in the executor's
     * working folder. Sets {@code dlkit.home} (the bundled models are found through it).
     */
    static Path home() {
        String prop = System.getProperty("dlkit.home");
        String env = System.getenv("DLKIT_HOME");
        for (String candidate : new String[] {prop, env, "dlkit"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate, "plugins"))) {
                Path home = Path.of(candidate).toAbsolutePath().normalize();
                System.setProperty("dlkit.home", home.toString());
                return home;
            }
        }
        throw new IllegalStateException(
                "batch: this Spark executor has no dlkit distribution (no plugins/ under"
                        + " -Ddlkit.home, $DLKIT_HOME or ./dlkit); ship it with spark-submit"
                        + " --archives dlkit-spark.tgz#dlkit (see docs/spark.md, On a cluster)");
    }
}
