package io.dlkit.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What an executor needs to open a batch task: its name, parameters and the global options that
 * matter there (device, threads, seed, working folder). Serializable, unlike dlkit's RunSettings,
 * and naming JDK types only ({@link TaskSettings} converts): a cluster executor deserializes it
 * first.
 */
record TaskSpec(
        String task,
        TreeMap<String, String> params,
        String device,
        int threads,
        long seed,
        String workDir)
        implements Serializable {

    /** The same spec with {@code threads} TensorFlow threads per task. */
    TaskSpec withThreads(int threads) {
        return new TaskSpec(task, params, device, threads, seed, workDir);
    }
}
