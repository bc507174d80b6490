package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.train.ModelRunner;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dlkit predict MODEL_DIR --data ...}: one row per sample: the predicted class (for
 * classifiers) and the model's outputs; CSV by default, JSON lines with {@code --format json}.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description =
                "Predict with a trained model: one line per sample (CSV, or JSON lines with --format json).")
public final class PredictCommand implements Callable<Integer> {
    @Mixin ModelDataOptions options = new ModelDataOptions();

    @Mixin MemoryOptions memory = new MemoryOptions();

    @picocli.CommandLine.Option(
            names = "--output",
            paramLabel = "NAME",
            description =
                    "A model with named outputs: print only this output (default: every output).")
    String output;

    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    PredictCommand(CommandContext ctx, OptimizerRegistry optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() {
        String name = options.modelDir.toString();
        if (!Files.exists(options.modelDir)
                && io.dlkit.cli.models.GraphModels.isCatalogName(name)) {
            return io.dlkit.cli.models.GraphModelPredict.run(ctx, name, options.data);
        }
        options.check();
        if (FunctionalTrained.isFunctional(options.modelDir)) {
            FunctionalCommands.predict(ctx, optimizers, options, output);
            return 0;
        }
        if (output != null && !output.equals("output")) {
            throw io.dlkit.api.DlkitException.invalidInput(
                    "--output "
                            + output
                            + ": "
                            + options.modelDir
                            + " has one output, named output; --output picks one of a functional"
                            + " model's named outputs");
        }
        try (TrainedModel m =
                TrainedModel.open(
                        options.modelDir, ctx, optimizers, memory.budget(), options.batchSize)) {
            Dataset d = m.data(options.source());
            float[] y =
                    m.runner(batches(d.size(), options.batchSize))
                            .predict(d, options.batchSize, b -> {});
            print(y, d.size(), m.outputs(), m.training.objective.classification());
        }
        return 0;
    }

    /** The number of batches {@code rows} samples make at {@code batchSize}. */
    static int batches(int rows, int batchSize) {
        return (rows + batchSize - 1) / Math.max(1, batchSize);
    }

    private void print(float[] y, int rows, int width, boolean classes) {
        PrintWriter out = ctx.out();
        boolean json = ctx.settings().json();
        if (!json) {
            StringBuilder h = new StringBuilder("index");
            if (classes) h.append(",class");
            for (int j = 0; j < width; j++) h.append(classes ? ",p" : ",y").append(j);
            out.println(h);
        }
        for (int i = 0; i < rows; i++) {
            StringBuilder sb = new StringBuilder();
            if (json) {
                sb.append("{\"index\": ").append(i);
                if (classes)
                    sb.append(", \"class\": ").append(ModelRunner.predictedClass(y, i, width));
                sb.append(classes ? ", \"probabilities\": [" : ", \"outputs\": [");
                for (int j = 0; j < width; j++)
                    sb.append(j == 0 ? "" : ", ").append(fmt(y[i * width + j]));
                sb.append("]}");
            } else {
                sb.append(i);
                if (classes) sb.append(',').append(ModelRunner.predictedClass(y, i, width));
                for (int j = 0; j < width; j++) sb.append(',').append(fmt(y[i * width + j]));
            }
            out.println(sb);
        }
        out.flush();
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
