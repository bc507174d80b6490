package io.dlkit.cli.nn;

import io.dlkit.api.CommandContext;
import io.dlkit.api.DlkitException;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.backend.train.Evaluation;
import io.dlkit.backend.train.ModelRunner;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import io.dlkit.cli.output.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;

/**
 * {@code eval}, {@code predict} and {@code export} of a functional model's directory: the total and
 * per-output losses and accuracies; every output (or one, {@code --output NAME}) per sample; a
 * SavedModel signature with every named input and output.
 */
final class FunctionalCommands {
    private FunctionalCommands() {}

    /** {@code dlkit eval}: the weighted total loss, each output's loss and accuracy. */
    static void eval(CommandContext ctx, OptimizerRegistry optimizers, ModelDataOptions o) {
        Map<String, Object> r = evaluate(ctx, optimizers, o.modelDir, o.source(), o.batchSize);
        if (ctx.settings().json()) Json.print(ctx.out(), r);
        else Results.print(ctx, r);
    }

    /** The samples, the weighted total loss and each output's loss (and accuracy) on the data. */
    static Map<String, Object> evaluate(
            CommandContext ctx,
            OptimizerRegistry optimizers,
            Path modelDir,
            DataSource source,
            int batchSize) {
        try (FunctionalTrained m = FunctionalTrained.open(modelDir, ctx, optimizers)) {
            NamedData d = m.data(source, true);
            Evaluation e =
                    new ModelRunner(m.training).evaluate(new ArraySource(d, batchSize, false));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("samples", e.samples());
            r.put("loss", e.loss());
            r.putAll(e.metrics());
            return r;
        }
    }

    /**
     * {@code dlkit predict}: per sample, each chosen output's values (and the predicted class of a
     * classification output); CSV columns {@code NAME_class}, {@code NAME_p0..} or {@code
     * NAME_y0..}, or one JSON object per line with a member per output.
     */
    static void predict(
            CommandContext ctx, OptimizerRegistry optimizers, ModelDataOptions o, String output) {
        predict(
                ctx,
                optimizers,
                o.modelDir,
                o.source(),
                o.batchSize,
                output,
                ctx.out(),
                ctx.settings().json());
    }

    /** Predicts every output (or {@code output}) and writes CSV or JSON lines to {@code out}. */
    static int predict(
            CommandContext ctx,
            OptimizerRegistry optimizers,
            Path modelDir,
            DataSource source,
            int batchSize,
            String output,
            PrintWriter out,
            boolean json) {
        try (FunctionalTrained m = FunctionalTrained.open(modelDir, ctx, optimizers)) {
            List<String> names = outputs(m, output);
            NamedData d = m.data(source, false);
            Map<String, float[]> y = run(m, new ArraySource(d, batchSize, false), names);
            print(out, json, m, y, d.rows());
            return d.rows();
        }
    }

    /** The SavedModel signature: every input by name, every activated output by name. */
    static Signature signature(FunctionalTrained m) {
        Signature.Builder b = Signature.builder().key("serving_default");
        m.model.inputShapes().keySet().forEach(n -> b.input(n, m.training.feeds().get(n)));
        m.training.outputs.forEach(b::output);
        return b.build();
    }

    /** {@code "a, b -> cls, reg"}, for export's report. */
    static String signatureText(FunctionalTrained m) {
        return "serving_default: "
                + String.join(", ", m.model.inputShapes().keySet())
                + " -> "
                + String.join(", ", m.training.outputs.keySet());
    }

    private static List<String> outputs(FunctionalTrained m, String output) {
        List<String> all = m.model.outputNames();
        if (output == null) return all;
        if (!all.contains(output)) {
            throw DlkitException.invalidInput(
                    "--output "
                            + output
                            + ": not an output of "
                            + m.dir.dir()
                            + Suggestions.inParentheses(output, all)
                            + "; outputs: "
                            + String.join(", ", all));
        }
        return List.of(output);
    }

    private static Map<String, float[]> run(
            FunctionalTrained m, ArraySource source, List<String> names) {
        Map<String, List<float[]>> parts = new LinkedHashMap<>();
        names.forEach(n -> parts.put(n, new ArrayList<>()));
        for (int b = 0; b < source.batchCount(); b++) {
            List<Tensor> open = new ArrayList<>();
            try {
                Session.Runner r = m.graph.session().runner();
                for (Map.Entry<String, NdArray> a : source.batch(0, 0, b).entrySet()) {
                    Tensor t = a.getValue().toTensor();
                    open.add(t);
                    r.feed(m.training.feeds().get(a.getKey()), t);
                }
                List<Operand<TFloat32>> fetched = new ArrayList<>();
                names.forEach(n -> fetched.add(m.training.outputs.get(n)));
                fetched.forEach(r::fetch);
                try (Result res = r.run()) {
                    for (int i = 0; i < names.size(); i++)
                        parts.get(names.get(i)).add(NdArray.fromTensor(res.get(i)).floats());
                }
            } finally {
                open.forEach(Tensor::close);
            }
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        parts.forEach((n, list) -> out.put(n, concat(list)));
        return out;
    }

    private static float[] concat(List<float[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static void print(
            PrintWriter out, boolean json, FunctionalTrained m, Map<String, float[]> y, int rows) {
        if (!json) out.println(header(m, y, rows));
        for (int i = 0; i < rows; i++) {
            StringBuilder sb = new StringBuilder(json ? "{\"index\": " + i : String.valueOf(i));
            for (Map.Entry<String, float[]> e : y.entrySet()) {
                int width = rows == 0 ? 0 : e.getValue().length / rows;
                boolean classes = classifies(m, e.getKey());
                if (json) {
                    sb.append(", \"").append(e.getKey()).append("\": {");
                    if (classes) {
                        sb.append("\"class\": ")
                                .append(ModelRunner.predictedClass(e.getValue(), i, width))
                                .append(", ");
                    }
                    sb.append(classes ? "\"probabilities\": [" : "\"outputs\": [");
                    for (int j = 0; j < width; j++)
                        sb.append(j == 0 ? "" : ", ").append(fmt(e.getValue()[i * width + j]));
                    sb.append("]}");
                } else {
                    if (classes)
                        sb.append(',').append(ModelRunner.predictedClass(e.getValue(), i, width));
                    for (int j = 0; j < width; j++)
                        sb.append(',').append(fmt(e.getValue()[i * width + j]));
                }
            }
            out.println(json ? sb.append('}') : sb);
        }
        out.flush();
    }

    private static String header(FunctionalTrained m, Map<String, float[]> y, int rows) {
        StringBuilder h = new StringBuilder("index");
        y.forEach(
                (name, v) -> {
                    boolean classes = classifies(m, name);
                    if (classes) h.append(',').append(name).append("_class");
                    int width = rows == 0 ? 0 : v.length / rows;
                    for (int j = 0; j < width; j++)
                        h.append(',').append(name).append(classes ? "_p" : "_y").append(j);
                });
        return h.toString();
    }

    private static boolean classifies(FunctionalTrained m, String output) {
        OutputLoss l = m.losses.get(output);
        return l != null && l.objective().classification();
    }

    private static String fmt(float v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
