package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.cli.output.Json;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dlkit eval MODEL_DIR --data ...}: loss, accuracy and the confusion matrix. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Evaluate a trained model: loss, accuracy and confusion matrix.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin ModelDataOptions options = new ModelDataOptions();

    @Mixin MemoryOptions memory = new MemoryOptions();

    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    EvalCommand(CommandContext ctx, OptimizerRegistry optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() {
        options.check();
        if (FunctionalTrained.isFunctional(options.modelDir)) {
            FunctionalCommands.eval(ctx, optimizers, options);
            return 0;
        }
        try (TrainedModel m =
                TrainedModel.open(
                        options.modelDir, ctx, optimizers, memory.budget(), options.batchSize)) {
            Dataset d = m.data(options.source());
            ModelBuild.checkLabels(d, m.outputs(), m.training.objective, options.data);
            Evaluation e =
                    m.runner(PredictCommand.batches(d.size(), options.batchSize))
                            .evaluate(d, options.batchSize);
            print(e);
        }
        return 0;
    }

    private void print(Evaluation e) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("samples", e.samples());
        r.put("loss", e.loss());
        r.put("accuracy", Double.isNaN(e.accuracy()) ? null : e.accuracy());
        r.putAll(e.metrics());
        if (ctx.settings().json()) {
            if (e.confusion() != null) r.put("confusion_matrix", e.confusion());
            Json.print(ctx.out(), r);
            return;
        }
        Results.print(ctx, r);
        if (e.confusion() == null) return;
        PrintWriter out = ctx.out();
        out.println("confusion matrix (rows: true class, columns: predicted):");
        int k = e.confusion().length;
        int w = 2;
        for (long[] row : e.confusion())
            for (long v : row) w = Math.max(w, Long.toString(v).length());
        StringBuilder head = new StringBuilder(" ".repeat(6));
        for (int j = 0; j < k; j++) head.append(String.format(Locale.ROOT, " %" + w + "d", j));
        out.println(head);
        for (int i = 0; i < k; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d ", i));
            for (long v : e.confusion()[i])
                line.append(String.format(Locale.ROOT, " %" + w + "d", v));
            out.println(line);
        }
        out.flush();
    }
}
