package io.dlkit.cli.wiring;

import com.google.inject.AbstractModule;
import io.dlkit.api.CommandContext;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.cli.plugin.PluginHost;

/** Binds the host's collaborators that commands and plugin extensions receive by injection. */
public final class CoreModule extends AbstractModule {
    private final PluginHost host;
    private final CommandContext context;

    /** The module for one invocation. No I/O happens here. */
    public CoreModule(PluginHost host, CommandContext context) {
        this.host = host;
        this.context = context;
    }

    @Override
    protected void configure() {
        bind(PluginHost.class).toInstance(host);
        bind(CommandContext.class).toInstance(context);
        bind(OutputWriter.class).toInstance(context.writer());
    }
}
