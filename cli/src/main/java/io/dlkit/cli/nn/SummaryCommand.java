package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.MemoryEstimate;
import io.dlkit.cli.output.Json;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code dlkit summary MODEL_FILE_OR_DIR}: a Keras-style table of layers, shapes and parameters.
 */
@Command(
        name = "summary",
        mixinStandardHelpOptions = true,
        description =
                "Show a model's layers, output shapes, parameter counts and FLOPs (Keras style).")
public final class SummaryCommand implements Callable<Integer> {
    @Parameters(
            paramLabel = "MODEL_FILE_OR_DIR",
            description =
                    "A model file (.yaml/.json), a model directory, or a graph model of the catalog (dlkit models list).")
    Path path;

    @Mixin MemoryOptions memory = new MemoryOptions();

    // What the memory warning assumes: train's default batch size and Adam's two slots a weight.
    private static final int SUMMARY_BATCH = 64;
    private static final int ADAM_SLOTS = 2;

    private final CommandContext ctx;
    private final ModelFiles modelFiles;

    @Inject
    SummaryCommand(CommandContext ctx, ModelFiles modelFiles) {
        this.ctx = ctx;
        this.modelFiles = modelFiles;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Integer call() {
        if (!Files.exists(path) && io.dlkit.cli.models.GraphModels.isCatalogName(path.toString())) {
            return io.dlkit.cli.models.GraphModelCommands.summary(ctx, path.toString());
        }
        Path file = Files.isDirectory(path) ? ModelDir.open(path).modelFile() : path;
        Map<String, Object> config = modelFiles.read(file);
        if (FunctionalModel.isFunctional(config)) {
            return FunctionalSummaries.print(
                    ctx, ModelBuild.functional(config, file.toString()), file);
        }
        Sequential model = ModelBuild.model(config, file.toString());
        ModelSummary s;
        try (GraphContext g = ctx.openGraph()) {
            long[] dims = new long[model.inputShape().length + 1];
            dims[0] = -1;
            System.arraycopy(model.inputShape(), 0, dims, 1, dims.length - 1);
            var x =
                    g.tf().placeholder(
                                    TFloat32.class,
                                    org.tensorflow.op.core.Placeholder.shape(Shape.of(dims)));
            model.forward(g, x, g.tf().constant(false));
            s = ModelSummary.of(model);
        }
        String tooBig =
                memory.budget()
                        .problem(
                                MemoryEstimate.ofSummary(s, SUMMARY_BATCH, ADAM_SLOTS),
                                "training " + file + " with adam at --batch-size " + SUMMARY_BATCH);
        if (tooBig != null) {
            ctx.err().println("warning: " + tooBig);
            ctx.err().flush();
        }
        if (ctx.settings().json()) {
            Json.print(ctx.out(), toJson(s));
        } else {
            ctx.out().print(s.table());
            ctx.out().flush();
        }
        return 0;
    }

    static Map<String, Object> toJson(ModelSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
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
        m.put("layers", layers);
        m.put("total_params", s.totalParams());
        m.put("trainable_params", s.trainableParams());
        m.put("non_trainable_params", s.nonTrainableParams());
        m.put("flops_per_sample", s.flopsPerSample());
        return m;
    }
}
