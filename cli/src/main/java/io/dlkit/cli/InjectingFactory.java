package io.dlkit.cli;

import com.google.inject.Injector;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Lets picocli create nested subcommands through Guice when they have an {@code @Inject}
 * constructor; everything else (collections, converters) comes from picocli's default factory.
 */
final class InjectingFactory implements CommandLine.IFactory {
    private final Injector injector;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    InjectingFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        for (Constructor<?> c : cls.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(Inject.class)) return injector.getInstance(cls);
        }
        return fallback.create(cls);
    }
}
