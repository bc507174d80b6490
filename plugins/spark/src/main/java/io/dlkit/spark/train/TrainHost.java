package io.dlkit.spark.train;

import io.dlkit.api.extension.Optimizers;
import io.dlkit.cli.nn.OptimizerRegistry;
import io.dlkit.spark.ExecutorTasks;

/**
 * The optimizers (and, through the plugin host's start, the plugin layers) a worker's graph is
 * built with: the driver's in its own JVM (local masters), else those of the plugin host the
 * executor starts from the shipped distribution, once per JVM ({@link ExecutorTasks#host}).
 */
final class TrainHost {
    private static volatile Optimizers driver;

    private TrainHost() {}

    /** Called on the driver with its plugin host's optimizers. */
    static void use(Optimizers optimizers) {
        driver = optimizers;
    }

    /** The optimizers of this JVM. */
    static Optimizers optimizers() {
        Optimizers d = driver;
        if (d != null && !Boolean.getBoolean(Workers.ISOLATED)) return d;
        return ExecutorTasks.host().getInstance(OptimizerRegistry.class);
    }
}
