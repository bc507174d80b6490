package io.dlkit.spark;

import io.dlkit.api.RunSettings;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an executor needs to open a batch task: its name, parameters and the global options that
 * matter there (device, threads, seed, working folder). Serializable, unlike {@link RunSettings}.
 */
record TaskSpec(
        String task,
        TreeMap<String, String> params,
        String device,
        int threads,
        long seed,
        String workDir)
        implements Serializable {

    /** The spec of {@code task} with {@code params} under the driver's {@code settings}. */
    static TaskSpec of(String task, Map<String, String> params, RunSettings settings) {
        return new TaskSpec(
                task,
                new TreeMap<>(params),
                settings.device(),
                settings.threads(),
                settings.seed(),
                settings.workDir().toAbsolutePath().toString());
    }

    /** The same spec with {@code threads} TensorFlow threads per task. */
    TaskSpec withThreads(int threads) {
        return new TaskSpec(task, params, device, threads, seed, workDir);
    }

    /** The settings a task opens with: quiet, never overwriting (tasks write nothing). */
    RunSettings settings() {
        return new RunSettings(device, threads, seed, "json", true, false, false, Path.of(workDir));
    }
}
