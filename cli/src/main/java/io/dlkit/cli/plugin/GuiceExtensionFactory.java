package io.dlkit.cli.plugin;

import org.pf4j.ExtensionFactory;

/**
 * Creates plugin extensions with Guice, so that an extension's {@code @jakarta.inject.Inject}
 * constructor receives host collaborators (the command context, the step registry, the writer).
 */
final class GuiceExtensionFactory implements ExtensionFactory {
    private final PluginHost host;

    GuiceExtensionFactory(PluginHost host) {
        this.host = host;
    }

    @Override
    public <T> T create(Class<T> extensionClass) {
        return host.injector().getInstance(extensionClass);
    }
}
