package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.types.TFloat32;

/**
 * A {@link FunctionalModel}'s summary: {@link ModelSummary}'s rows in file order, each with the
 * names it reads (Keras's "Connected to"), and the model's outputs.
 *
 * @param summary the per-layer rows and totals
 * @param inputs each row's input names, in the order of the rows
 * @param outputs the output layer names
 */
public record FunctionalSummary(
        ModelSummary summary, List<List<String>> inputs, List<String> outputs) {
    /** Copies the lists. */
    public FunctionalSummary {
        requireNonNull(summary, "summary is null");
        inputs = inputs.stream().map(List::copyOf).toList();
        outputs = List.copyOf(outputs);
    }

    /** Summarises {@code model} after {@link FunctionalModel#forward}. */
    public static FunctionalSummary of(FunctionalModel model) {
        Map<String, long[]> shapes = model.layerOutputShapes();
        List<ModelSummary.Row> rows = new ArrayList<>();
        List<List<String>> inputs = new ArrayList<>();
        for (FunctionalModel.Node n : model.nodes()) {
            Layer l = n.layer();
            long trainable = 0;
            long other = 0;
            for (WeightVariable<TFloat32> v : l.variables()) {
                long size = v.variable().shape().size();
                if (v.trainable() && n.trainable()) trainable += size;
                else other += size;
            }
            rows.add(
                    new ModelSummary.Row(
                            l.name(), l.type(), shapes.get(l.name()), trainable, other, l.flops()));
            inputs.add(n.inputs());
        }
        return new FunctionalSummary(new ModelSummary(rows), inputs, model.outputNames());
    }

    /** The Keras-style table with a "Connected to" column, then the outputs and totals. */
    public String table() {
        List<ModelSummary.Row> rows = summary.rows();
        int[] w = {28, 22, 12, 14};
        for (ModelSummary.Row r : rows) {
            w[0] = Math.max(w[0], r.name().length() + r.type().length() + 5);
            w[1] = Math.max(w[1], ModelSummary.shapeText(r.outputShape()).length() + 2);
        }
        String format = "%-" + w[0] + "s%-" + w[1] + "s%" + w[2] + "s%" + w[3] + "s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        format,
                        "Layer (type)",
                        "Output Shape",
                        "Param #",
                        "FLOPs",
                        "Connected to"));
        String rule =
                "=".repeat(Math.max(96, w[0] + w[1] + w[2] + w[3] + 14)) + System.lineSeparator();
        sb.append(rule);
        for (int i = 0; i < rows.size(); i++) {
            ModelSummary.Row r = rows.get(i);
            sb.append(
                    String.format(
                            Locale.ROOT,
                            format,
                            r.name() + " (" + r.type() + ")",
                            ModelSummary.shapeText(r.outputShape()),
                            String.format(Locale.ROOT, "%,d", r.params()),
                            String.format(Locale.ROOT, "%,d", r.flops()),
                            String.join(", ", inputs.get(i))));
        }
        sb.append(rule);
        sb.append("Outputs: ").append(String.join(", ", outputs)).append(System.lineSeparator());
        String totals = summary.table();
        return sb.append(totals.substring(totals.indexOf("Total params:"))).toString();
    }
}
