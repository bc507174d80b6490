package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.train.ModelRunner;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
    @Parameters(paramLabel = "MODEL_DIR", description = "A model directory written by dlkit train.")
    Path modelDir;

    @Option(
            names = "--data",
            required = true,
            paramLabel = "PATH[@FROM:TO]",
            description = "Samples to predict (labels, if any, are ignored).")
    String data;

    @Option(
            names = "--split",
            paramLabel = "train|t10k",
            defaultValue = "t10k",
            description = "Split of an MNIST-style folder (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--batch-size",
            paramLabel = "B",
            defaultValue = "256",
            description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    private final CommandContext ctx;
    private final OptimizerRegistry optimizers;

    @Inject
    PredictCommand(CommandContext ctx, OptimizerRegistry optimizers) {
        this.ctx = ctx;
        this.optimizers = optimizers;
    }

    @Override
    public Integer call() {
        try (TrainedModel m = TrainedModel.open(modelDir, ctx, optimizers)) {
            Dataset d = m.data(DataSource.parse(data, split));
            float[] y = m.runner().predict(d, batchSize, b -> {});
            print(y, d.size(), m.outputs(), m.training.loss.classification());
        }
        return 0;
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
