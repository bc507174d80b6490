package com.example.dlkit.stats;

import io.dlkit.api.CommandContext;
import io.dlkit.api.extension.StepProvider;
import io.dlkit.api.pipeline.ArtifactType;
import io.dlkit.api.pipeline.ParamSpec;
import io.dlkit.api.pipeline.ParamType;
import io.dlkit.api.pipeline.Params;
import io.dlkit.api.pipeline.Port;
import io.dlkit.api.pipeline.StepContext;
import io.dlkit.api.pipeline.StepType;
import io.dlkit.backend.runtime.GraphContext;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.pf4j.Extension;

/**
 * Contributes the pipeline step {@code stats-example/tensor-stats} (dlkit prefixes a plugin's step
 * names with its plugin id): statistics of a file, as a JSON artifact.
 */
@Extension
public class StatsStepProvider implements StepProvider {
    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public StatsStepProvider(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<StepType> stepTypes() {
        return List.of(new StatsStep());
    }

    private final class StatsStep implements StepType {
        @Override
        public String name() {
            return "tensor-stats";
        }

        @Override
        public String description() {
            return "Min, max, mean and std of an image or .npy file, computed by TensorFlow.";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.required("path", ParamType.PATH, "an image or .npy file"));
        }

        @Override
        public List<Port> inputs() {
            return List.of();
        }

        @Override
        public List<Port> outputs() {
            return List.of(Port.of("stats", ArtifactType.JSON, "min, max, mean, std, shape"));
        }

        @Override
        public Map<String, Object> run(StepContext context, Params params, Map<String, Object> inputs)
                throws Exception {
            try (GraphContext g = ctx.openGraph()) {
                return Map.of("stats", TensorStats.compute(g, TensorStats.read(params.path("path"))));
            }
        }
    }
}
