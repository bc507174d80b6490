package io.dlkit.cli.nn;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.nn.ActivatedLayer;
import io.dlkit.backend.nn.FunctionalModel;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.text.Suggestions;
import io.dlkit.backend.train.LossKind;
import io.dlkit.backend.train.Objective;
import io.dlkit.backend.train.TrainingGraph.OutputLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-output losses of a functional model. Every output has one, {@code auto} (from its
 * activation: softmax gives categorical_crossentropy, sigmoid binary_crossentropy, anything else
 * mse) with weight 1 unless the model file's {@code losses:} section or the flags say otherwise:
 *
 * <pre>
 * losses:
 *   cls: categorical_crossentropy        # a loss name, auto, or none (not trained)
 *   reg: {loss: mse, weight: 0.5}
 * </pre>
 *
 * {@code --loss cls=categorical_crossentropy,reg=mse} (or one name for every output) and {@code
 * --loss-weights cls=1,reg=0.5} override the file, output by output. model.yaml records the
 * resolved losses in the same section, so resume, eval and export rebuild the same graph.
 */
final class FunctionalLosses {
    /** The model file key. */
    static final String KEY = "losses";

    private FunctionalLosses() {}

    /** The losses of a new run: the file's section, then the flags. */
    static Map<String, OutputLoss> resolve(
            FunctionalModel model, Object section, String loss, String weights, String source) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> w = new LinkedHashMap<>();
        for (String o : model.outputNames()) {
            names.put(o, "auto");
            w.put(o, 1.0);
        }
        readSection(model, section, names, w, source);
        if (loss != null && !loss.isBlank() && !loss.equals("auto")) {
            if (!loss.contains("=")) {
                names.replaceAll((k, v) -> loss.trim());
            } else {
                pairs(model, loss, "--loss").forEach(names::put);
            }
        }
        if (weights != null && !weights.isBlank()) {
            pairs(model, weights, "--loss-weights")
                    .forEach((k, v) -> w.put(k, weight(v, "--loss-weights " + k)));
        }
        return build(model, names, w);
    }

    /** The losses model.yaml recorded (every name resolved). */
    static Map<String, OutputLoss> recorded(FunctionalModel model, Object section, String source) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> w = new LinkedHashMap<>();
        for (String o : model.outputNames()) {
            names.put(o, "none");
            w.put(o, 1.0);
        }
        readSection(model, section, names, w, source);
        return build(model, names, w);
    }

    /** The section model.yaml records: {@code {name: {loss: id, weight: w}}}. */
    static Map<String, Object> toConfig(Map<String, OutputLoss> losses) {
        Map<String, Object> m = new LinkedHashMap<>();
        losses.forEach(
                (k, v) -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("loss", v.objective().id());
                    e.put("weight", v.weight());
                    m.put(k, e);
                });
        return m;
    }

    private static void readSection(
            FunctionalModel model,
            Object section,
            Map<String, String> names,
            Map<String, Double> w,
            String source) {
        if (section == null) return;
        if (!(section instanceof Map<?, ?> map)) {
            throw invalid(source, KEY + ": must map output names to losses, e.g. {cls: mse}");
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String out = output(model, String.valueOf(e.getKey()), KEY + "." + e.getKey(), source);
            String path = KEY + "." + out;
            if (e.getValue() instanceof String s) {
                names.put(out, s);
            } else if (e.getValue() instanceof Map<?, ?> m) {
                for (Object key : m.keySet()) {
                    if (!List.of("loss", "weight").contains(String.valueOf(key))) {
                        throw invalid(
                                source,
                                path
                                        + "."
                                        + key
                                        + ": unknown key"
                                        + Suggestions.inParentheses(
                                                String.valueOf(key), List.of("loss", "weight"))
                                        + "; use loss and weight");
                    }
                }
                if (m.get("loss") != null) names.put(out, String.valueOf(m.get("loss")));
                if (m.get("weight") != null) w.put(out, weight(m.get("weight"), path + ".weight"));
            } else {
                throw invalid(
                        source,
                        path
                                + ": must be a loss name or {loss: NAME, weight: W}, got "
                                + e.getValue());
            }
        }
    }

    private static Map<String, String> pairs(FunctionalModel model, String text, String flag) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw DlkitException.invalidInput(
                        flag
                                + " "
                                + text
                                + ": use OUTPUT=VALUE pairs separated by commas, e.g. "
                                + model.outputNames().get(0)
                                + "=1");
            }
            String out = part.substring(0, eq).trim();
            m.put(output(model, out, flag + " " + out, null), part.substring(eq + 1).trim());
        }
        return m;
    }

    private static String output(FunctionalModel model, String name, String where, String source) {
        if (model.outputNames().contains(name)) return name;
        throw invalid(
                source,
                where
                        + ": not an output of the model"
                        + Suggestions.inParentheses(name, model.outputNames())
                        + "; outputs: "
                        + String.join(", ", model.outputNames()));
    }

    private static double weight(Object v, String where) {
        double d;
        try {
            d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v));
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw DlkitException.invalidInput(where + ": a weight must be a number >= 0, got " + v);
        }
        return d;
    }

    private static Map<String, OutputLoss> build(
            FunctionalModel model, Map<String, String> names, Map<String, Double> w) {
        Map<String, OutputLoss> losses = new LinkedHashMap<>();
        names.forEach(
                (out, name) -> {
                    if (name.equals("none")) return;
                    Objective o =
                            name.equals("auto")
                                    ? LossKind.forActivation(activation(model, out))
                                    : objective(out, name);
                    losses.put(out, new OutputLoss(o, w.get(out)));
                });
        if (losses.isEmpty()) {
            throw DlkitException.invalidInput(
                    "every output has loss none: give at least one output a loss");
        }
        return losses;
    }

    private static Objective objective(String output, String name) {
        try {
            return ModelBuild.objective(name);
        } catch (DlkitException e) {
            throw DlkitException.invalidInput("loss of " + output + ": " + e.getMessage());
        }
    }

    private static String activation(FunctionalModel model, String output) {
        for (Layer l : model.layers()) {
            if (l.name().equals(output)) {
                return l instanceof ActivatedLayer a ? a.activation().name() : "linear";
            }
        }
        return "linear";
    }

    private static DlkitException invalid(String source, String message) {
        return DlkitException.invalidInput(source == null ? message : Yaml.where(source, message));
    }
}
