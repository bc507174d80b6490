package io.dlkit.cli.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.dlkit.api.CommandContext;
import io.dlkit.api.model.ModelStore;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.cli.nn.CliModelStore;
import io.dlkit.cli.nn.NnSteps;
import io.dlkit.cli.pipeline.StepRegistry;
import io.dlkit.cli.plugin.PluginHost;
import io.dlkit.cli.plugin.PluginSteps;
import io.dlkit.cli.steps.CoreStepProvider;
import java.util.ArrayList;
import java.util.List;

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
        bind(ModelStore.class).to(CliModelStore.class);
        bind(io.dlkit.api.model.PretrainedModels.class)
                .to(io.dlkit.cli.models.CliPretrainedModels.class);
        bind(io.dlkit.api.extension.Optimizers.class).to(io.dlkit.cli.nn.OptimizerRegistry.class);
        bind(io.dlkit.api.extension.BatchTasks.class)
                .to(io.dlkit.cli.plugin.BatchTaskRegistry.class);
    }

    /** The pipeline step types of the core and every started plugin, built on first use. */
    @Provides
    @Singleton
    StepRegistry stepRegistry(PluginHost host, NnSteps nn, com.google.inject.Injector injector) {
        List<StepType> core = new ArrayList<>(new CoreStepProvider().stepTypes());
        core.addAll(nn.stepTypes());
        for (io.dlkit.cli.addon.AddOn addOn : io.dlkit.cli.addon.AddOns.all()) {
            for (Class<? extends StepType> c : addOn.steps()) core.add(injector.getInstance(c));
        }
        return new StepRegistry(PluginSteps.collect(core, host));
    }
}
