package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.FunctionalSummary;
import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.cli.output.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** {@code dlkit summary} of a functional model: each layer with the names it reads. */
final class FunctionalSummaries {
    private FunctionalSummaries() {}

    /** Builds {@code model} on placeholders and prints its table (or JSON with --json). */
    static int print(CommandContext ctx, FunctionalModel model, Path file) {
        FunctionalSummary s;
        try (GraphContext g = ctx.openGraph()) {
            Map<String, Operand<TFloat32>> feeds = new LinkedHashMap<>();
            model.inputShapes()
                    .forEach(
                            (name, shape) -> {
                                long[] dims = new long[shape.length + 1];
                                dims[0] = -1;
                                System.arraycopy(shape, 0, dims, 1, shape.length);
                                feeds.put(
                                        name,
                                        g.tf().placeholder(
                                                        TFloat32.class,
                                                        Placeholder.shape(Shape.of(dims))));
                            });
            try {
                model.forward(g, feeds, g.tf().constant(false));
            } catch (IllegalArgumentException e) {
                throw DlkitException.invalidInput(Yaml.where(file.toString(), e.getMessage()));
            }
            s = FunctionalSummary.of(model);
        }
        if (ctx.settings().json()) {
            Json.print(ctx.out(), toJson(s));
        } else {
            ctx.out().print(s.table());
            ctx.out().flush();
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toJson(FunctionalSummary s) {
        Map<String, Object> m = SummaryCommand.toJson(s.summary());
        List<Map<String, Object>> layers = new ArrayList<>();
        List<ModelSummary.Row> rows = s.summary().rows();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> l =
                    new LinkedHashMap<>(((List<Map<String, Object>>) m.get("layers")).get(i));
            l.put("inputs", s.inputs().get(i));
            layers.add(l);
        }
        m.put("layers", layers);
        m.put("outputs", s.outputs());
        return m;
    }
}
