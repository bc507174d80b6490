package io.dlkit.cli.plugin;

import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;

/** Loads plugin jars with a class loader that takes the {@link SharedPackages} from the host. */
final class PluginLoaders {
    private PluginLoaders() {}

    /** A jar loader whose class loaders are {@link SharedFirstClassLoader}s. */
    static final class SharedFirstJarLoader extends JarPluginLoader {
        SharedFirstJarLoader(PluginManager manager) {
            super(manager);
        }

        @Override
        protected PluginClassLoader createPluginClassLoader(
                Path pluginPath, PluginDescriptor descriptor) {
            return new SharedFirstClassLoader(
                    pluginManager, descriptor, getClass().getClassLoader());
        }
    }

    /**
     * Plugin-first for the plugin's own classes and bundled libraries, parent-first for the shared
     * packages (the Trino PluginClassLoader pattern).
     */
    static final class SharedFirstClassLoader extends PluginClassLoader {
        SharedFirstClassLoader(
                PluginManager manager, PluginDescriptor descriptor, ClassLoader parent) {
            super(manager, descriptor, parent, ClassLoadingStrategy.PDA);
        }

        @Override
        protected boolean shouldDelegateToParent(String className) {
            return SharedPackages.isShared(className) || super.shouldDelegateToParent(className);
        }
    }
}
