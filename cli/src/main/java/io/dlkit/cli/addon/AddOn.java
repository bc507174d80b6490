package io.dlkit.cli.addon;

import io.dlkit.api.pipeline.StepType;
import java.util.List;

/**
 * An application add-on: jars on dlkit's own class path (not a PF4J plugin), found with {@link
 * java.util.ServiceLoader} through {@code META-INF/services/io.dlkit.cli.addon.AddOn}. The Spark
 * add-on ({@code plugins/spark}, in its own distribution's {@code lib/spark/}) is one. An add-on
 * may use the whole application (cli) API; its commands are created by dlkit's injector like core
 * commands.
 */
public interface AddOn {
    /** The add-on's artifact name, e.g. {@code dlkit-spark}. */
    String name();

    /** Command classes (picocli {@code @Command}s) added under {@code dlkit}, created by Guice. */
    List<Class<?>> commands();

    /** Pipeline step types (named as they are, e.g. {@code spark/batch}), created by Guice. */
    default List<Class<? extends StepType>> steps() {
        return List.of();
    }
}
