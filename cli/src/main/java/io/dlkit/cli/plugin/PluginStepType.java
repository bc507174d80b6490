package io.dlkit.cli.plugin;

import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import java.util.List;
import java.util.Map;

/**
 * A plugin's step type under its pipeline name {@code <plugin-id>/<name>}, so two plugins never
 * clash and a pipeline says which plugin a step comes from ({@code uses: detector/detect}).
 */
final class PluginStepType implements StepType {
    private final String name;
    private final StepType delegate;

    PluginStepType(String pluginId, StepType delegate) {
        this.delegate = delegate;
        String local = delegate.name();
        this.name = local.startsWith(pluginId + "/") ? local : pluginId + "/" + local;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public List<ParamSpec> params() {
        return delegate.params();
    }

    @Override
    public List<Port> inputs() {
        return delegate.inputs();
    }

    @Override
    public List<Port> outputs() {
        return delegate.outputs();
    }

    @Override
    public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
            throws Exception {
        return delegate.run(context, params, inputs);
    }
}
