package io.dlkit.plugins.cnnzoo.command;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.plugins.cnnzoo.ZooArchitectures;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dlkit zoo summary NAME}: builds the architecture's graph (nothing is run) and prints a
 * Keras-style table of layers, output shapes, parameters and FLOPs, or with {@code --format json}
 * the same as one JSON document.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description = "Show an architecture's layers, output shapes, parameters and FLOPs.")
public final class ZooSummaryCommand implements Callable<Integer> {
    @Mixin SpecOptions spec;

    @Option(names = "--no-top", description = "Leave out the classifier (feature extraction).")
    boolean noTop;

    private final CommandContext ctx;

    /** dlkit injects the command context. */
    @Inject
    public ZooSummaryCommand(CommandContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Sequential model = Sequential.fromConfig(spec.config(new ZooArchitectures(), !noTop));
        ModelSummary summary;
        try (GraphContext g = ctx.openGraph()) {
            summary = summarise(g, model);
        }
        if (ctx.settings().json()) {
            ctx.out().println(ZooFormats.json(toJson(spec.name(), summary)));
        } else {
            ctx.out().print(summary.table());
        }
        ctx.out().flush();
        return 0;
    }

    /** Builds {@code model}'s forward graph on a {@code [batch, input...]} placeholder. */
    static ModelSummary summarise(GraphContext g, Sequential model) {
        long[] dims = new long[model.inputShape().length + 1];
        dims[0] = -1;
        System.arraycopy(model.inputShape(), 0, dims, 1, dims.length - 1);
        Placeholder<TFloat32> x =
                g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
        model.forward(g, x, g.tf().constant(false));
        return ModelSummary.of(model);
    }

    /** The JSON document: the layers, the parameter totals and the FLOPs per image. */
    static Map<String, Object> toJson(String name, ModelSummary s) {
        List<Map<String, Object>> layers =
                s.rows().stream()
                        .map(
                                r -> {
                                    Map<String, Object> l = new LinkedHashMap<>();
                                    l.put("name", r.name());
                                    l.put("type", r.type());
                                    l.put("output_shape", r.outputShape());
                                    l.put("params", r.params());
                                    l.put("trainable_params", r.trainableParams());
                                    l.put("non_trainable_params", r.nonTrainableParams());
                                    l.put("flops", r.flops());
                                    return l;
                                })
                        .toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("architecture", name);
        m.put("layers", layers);
        m.put("total_params", s.totalParams());
        m.put("trainable_params", s.trainableParams());
        m.put("non_trainable_params", s.nonTrainableParams());
        m.put("flops_per_image", s.flopsPerSample());
        return m;
    }
}
