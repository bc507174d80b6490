package io.dlkit.spark;

import io.dlkit.api.RunSettings;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@link TaskSpec} from and to dlkit's {@link RunSettings}. Apart from the spec on purpose: a
 * cluster executor deserializes the spec before dlkit's classes are on its class path (Java
 * serialization reflects on every method of a serialized class, so the spec's must name JDK types
 * only).
 */
final class TaskSettings {
    private TaskSettings() {}

    /** The spec of {@code task} with {@code params} under the driver's {@code settings}. */
    static TaskSpec spec(String task, Map<String, String> params, RunSettings settings) {
        return new TaskSpec(
                task,
                new TreeMap<>(params),
                settings.device(),
                settings.threads(),
                settings.seed(),
                settings.workDir().toAbsolutePath().toString());
    }

    /** The settings a task opens with: quiet, never overwriting (tasks write nothing). */
    static RunSettings of(TaskSpec spec) {
        return new RunSettings(
                spec.device(),
                spec.threads(),
                spec.seed(),
                "json",
                true,
                false,
                false,
                Path.of(spec.workDir()));
    }
}
