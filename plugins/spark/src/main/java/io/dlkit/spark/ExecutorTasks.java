package io.dlkit.spark;

import com.google.inject.Injector;
import io.dlkit.api.DlkitException;
import io.dlkit.api.extension.BatchTaskProvider;
import io.dlkit.api.extension.BatchTasks;
import io.dlkit.cli.DlkitApplication;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The batch tasks where a Spark task runs. The driver sets them ({@link #use}) from its plugin
 * host; in local mode the executors are threads of the driver's JVM and find them here. On a
 * cluster an executor JVM starts empty: the first task there starts dlkit's plugin host itself
 * (once per JVM) from the shipped distribution: {@code -Ddlkit.home}, {@code $DLKIT_HOME}, or the
 * folder {@code dlkit} that {@code --archives dlkit-spark.tgz#dlkit} unpacks in the executor's
 * working folder.
 */
public final class ExecutorTasks {
    /** Test-only: ignore the driver's tasks and start a host as a cluster executor would. */
    static final String ISOLATED = "dlkit.batch.isolatedExecutors";

    private static volatile BatchTasks driver;
    private static Injector host;

    private ExecutorTasks() {}

    /** Called on the driver with its injected registry. */
    static void use(BatchTasks tasks) {
        driver = tasks;
    }

    /** The provider of {@code task} in this JVM. */
    static BatchTaskProvider provider(String task) {
        BatchTasks t = driver;
        if (t == null || Boolean.getBoolean(ISOLATED)) t = bootstrap();
        return t.provider(task);
    }

    private static BatchTasks bootstrap() {
        return host().getInstance(BatchTasks.class);
    }

    /**
     * dlkit's injector in this executor JVM, its plugin host started from the shipped distribution
     * on first use (once per JVM): the batch tasks' and the training workers' (their layers and
     * optimizers).
     */
    public static synchronized Injector host() {
        if (host == null) {
            Path home = home();
            PrintWriter err = new PrintWriter(System.err, true);
            host = DlkitApplication.embedded(List.of(home.resolve("plugins")), err, err);
            err.println(
                    "dlkit executor: started the plugin host from "
                            + home
                            + " (batch tasks: "
                            + String.join(", ", host.getInstance(BatchTasks.class).names())
                            + ")");
        }
        return host;
    }

    /** Where the distribution is on this executor (see {@link ExecutorClassPath#home}). */
    static Path home() {
        try {
            return ExecutorClassPath.home();
        } catch (IllegalStateException e) {
            throw DlkitException.failed(e.getMessage(), null);
        }
    }
}
