package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.types.TFloat32;

/**
 * What a built model is made of, per layer and in total: output shape, trainable and non-trainable
 * parameters, and forward FLOPs per sample ({@link Layer#flops()}: dense {@code 2 n_prev units +
 * units}, batch norm {@code 4} per element; conv2d {@code 2 f_h f_w n_C} per output element plus
 * one for the bias; max/avg pooling {@code f_h f_w} per output element; global average pooling one
 * per input element; residual and inception blocks their sub-layers' sum plus one per element for
 * the shortcut addition; dropout, activations, flatten and zero padding count 0). {@code dlkit
 * summary} prints {@link #table()}; {@code dlkit bench} divides {@link #flopsPerSample()} by the
 * time per sample for GFLOP/s.
 *
 * @param rows one row per layer, in model order
 */
public record ModelSummary(List<Row> rows) {
    /**
     * One layer's line.
     *
     * @param name the layer name ({@code dense_1})
     * @param type the layer type ({@code dense})
     * @param outputShape the output shape without the batch dimension
     * @param trainableParams elements of its trainable variables
     * @param nonTrainableParams elements of its other float variables (moving averages)
     * @param flops forward FLOPs per sample
     */
    public record Row(
            String name,
            String type,
            long[] outputShape,
            long trainableParams,
            long nonTrainableParams,
            long flops) {
        /** Trainable plus non-trainable parameters. */
        public long params() {
            return trainableParams + nonTrainableParams;
        }
    }

    /** Copies {@code rows}. */
    public ModelSummary {
        rows = List.copyOf(rows);
    }

    /**
     * Summarises a model after {@link Model#forward} (variables and shapes exist only then).
     *
     * @throws IllegalStateException if the model is not built
     */
    public static ModelSummary of(Model model) {
        requireNonNull(model, "model is null");
        List<long[]> shapes = model.layerOutputShapes();
        List<Row> rows = new ArrayList<>();
        // frozen layers' weights count as non-trainable
        java.util.Set<String> trained = new java.util.HashSet<>();
        model.trainableVariables().forEach(v -> trained.add(v.name()));
        for (int i = 0; i < model.layers().size(); i++) {
            Layer l = model.layers().get(i);
            long trainable = 0;
            long other = 0;
            for (WeightVariable<TFloat32> v : l.variables()) {
                long n = v.variable().shape().size();
                if (v.trainable() && trained.contains(v.name())) {
                    trainable += n;
                } else {
                    other += n;
                }
            }
            rows.add(new Row(l.name(), l.type(), shapes.get(i), trainable, other, l.flops()));
        }
        return new ModelSummary(rows);
    }

    /** All trainable parameters. */
    public long trainableParams() {
        return rows.stream().mapToLong(Row::trainableParams).sum();
    }

    /** All non-trainable parameters. */
    public long nonTrainableParams() {
        return rows.stream().mapToLong(Row::nonTrainableParams).sum();
    }

    /** All parameters. */
    public long totalParams() {
        return trainableParams() + nonTrainableParams();
    }

    /** Forward FLOPs of one sample through the whole model. */
    public long flopsPerSample() {
        return rows.stream().mapToLong(Row::flops).sum();
    }

    /**
     * A Keras-style table:
     *
     * <pre>
     * Layer (type)              Output Shape          Param #         FLOPs
     * =====================================================================
     * dense_1 (dense)           (None, 512)           401,920       803,328
     * ...
     * =====================================================================
     * Total params: 407,050
     * ...
     * </pre>
     */
    public String table() {
        String format = "%-28s%-22s%14s%16s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT, format, "Layer (type)", "Output Shape", "Param #", "FLOPs"));
        String rule = "=".repeat(80) + System.lineSeparator();
        sb.append(rule);
        for (Row r : rows) {
            sb.append(
                    String.format(
                            Locale.ROOT,
                            format,
                            r.name() + " (" + r.type() + ")",
                            shapeText(r.outputShape()),
                            group(r.params()),
                            group(r.flops())));
        }
        sb.append(rule);
        line(sb, "Total params: ", totalParams());
        line(sb, "Trainable params: ", trainableParams());
        line(sb, "Non-trainable params: ", nonTrainableParams());
        line(sb, "Forward FLOPs per sample: ", flopsPerSample());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, long value) {
        sb.append(label).append(group(value)).append(System.lineSeparator());
    }

    private static String group(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** {@code (None, 512)}: Keras's notation, None being the batch dimension. */
    static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("(None");
        for (long d : shape) {
            sb.append(", ").append(d);
        }
        return sb.append(')').toString();
    }
}
