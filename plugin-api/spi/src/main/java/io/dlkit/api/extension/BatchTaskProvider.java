package io.dlkit.api.extension;

import io.dlkit.api.RunSettings;
import java.util.List;
import java.util.Map;
import org.pf4j.ExtensionPoint;

/**
 * Contributes a batch task: inference that {@code dlkit batch NAME} runs over a data set, record by
 * record, in one process ({@code --engine local}) or on Apache Spark ({@code --engine spark}, one
 * {@link BatchTask} per partition). Annotate the implementing class with {@code
 * @org.pf4j.Extension}; give it a {@code jakarta.inject.Inject} constructor to receive the host's
 * model store ({@link io.dlkit.api.model.PretrainedModels}, {@link io.dlkit.api.model.ModelStore}).
 *
 * <p>A task must give the same results as the plugin's one-by-one command: reuse that command's
 * code, do not copy it.
 *
 * <pre>{@code
 * try (BatchTask task = provider.open(settings, Map.of("conf", "0.3"))) {
 *     BatchResult r = task.process(BatchRecord.image("dog.jpg", bytes));
 * }
 * }</pre>
 */
public interface BatchTaskProvider extends ExtensionPoint {
    /** What a task reads from each record. */
    enum Input {
        /** The bytes of an image file (PNG, JPEG, BMP, GIF). */
        IMAGE,
        /** A line of text: a word or a sentence. */
        TEXT
    }

    /**
     * A parameter of the task, given as {@code --NAME VALUE} on {@code dlkit batch} ({@code
     * snake_case} names become {@code --kebab-case} options).
     *
     * @param name the key in {@link #open}'s map, snake_case
     * @param defaultValue the value when it is not given; null when the parameter is required
     * @param description one line for {@code dlkit batch --help}
     */
    record Param(String name, String defaultValue, String description) {}

    /** The task's name, unique across dlkit: {@code detect}, {@code classify}, ... */
    String name();

    /** One line saying what the task computes per record. */
    String description();

    /** What each record holds. */
    Input input();

    /** The parameters {@link #open} accepts. */
    List<Param> params();

    /**
     * Opens the task: loads its model once, for many records. The caller closes it.
     *
     * @param settings the global options (device, threads, seed, quiet)
     * @param params the parameters by name, each one of {@link #params()}; absent ones take their
     *     defaults
     * @throws io.dlkit.api.DlkitException (exit 2) for a bad or missing parameter, or a model that
     *     cannot be found
     */
    BatchTask open(RunSettings settings, Map<String, String> params);
}
