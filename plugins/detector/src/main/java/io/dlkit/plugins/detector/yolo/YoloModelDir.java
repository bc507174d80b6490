package io.dlkit.plugins.detector.yolo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.dlkit.api.DlkitException;
import io.dlkit.api.output.OutputWriter;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.backend.train.TrainState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * A YOLO model directory, the dlkit layout ({@code model.yaml} with {@code format}, {@code model}
 * and {@code training}, plus {@code checkpoint/}) with a {@code yolo:} section holding the anchors,
 * classes and class names.
 */
public final class YoloModelDir {
    /** The model file in the directory. */
    public static final String MODEL_FILE = "model.yaml";

    private static final String FORMAT = "dlkit-model/1";
    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory()
                            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private YoloModelDir() {}

    /** Whether {@code dir} is a folder with a model.yaml that has a {@code yolo:} section. */
    public static boolean isYoloDir(Path dir) {
        Path f = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(f)) return false;
        try {
            return readYaml(f).get("yolo") instanceof Map<?, ?>;
        } catch (DlkitException e) {
            return false;
        }
    }

    /** The model of a YOLO model directory. */
    @SuppressWarnings("unchecked")
    public static YoloModel read(Path dir) {
        Map<String, Object> m = readYaml(dir.resolve(MODEL_FILE));
        if (!(m.get("model") instanceof Map<?, ?> model)
                || !(m.get("yolo") instanceof Map<?, ?> y)) {
            throw DlkitException.invalidInput(
                    dir.resolve(MODEL_FILE)
                            + ": not a YOLO model (no model: and yolo: sections); train one with"
                            + " 'dlkit detect train' or import one with 'dlkit detect import'");
        }
        try {
            return YoloModel.fromSections((Map<String, Object>) model, (Map<String, Object>) y);
        } catch (RuntimeException e) {
            throw DlkitException.invalidInput(
                    dir.resolve(MODEL_FILE) + ": yolo: " + e.getMessage());
        }
    }

    /** A YAML (or JSON) file as a map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readYaml(Path file) {
        try {
            Object o = YAML.readValue(file.toFile(), Object.class);
            if (!(o instanceof Map<?, ?>)) {
                throw DlkitException.invalidInput(file + ": expected a YAML map at the top");
            }
            return (Map<String, Object>) o;
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw DlkitException.invalidInput(file + ": not readable YAML: " + m);
        }
    }

    /** YAML text of a map. */
    public static String yaml(Map<String, Object> content) {
        try {
            return YAML.writeValueAsString(content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** model.yaml's content for a model and its training settings (null: none). */
    public static Map<String, Object> content(YoloModel model, Map<String, Object> training) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("model", model.config());
        m.put("yolo", model.section());
        m.put("training", training == null ? Map.of() : training);
        return m;
    }

    /**
     * Writes a model directory from weights by variable name (every variable of the model, exact
     * shapes): model.yaml and a checkpoint at epoch 0.
     */
    public static void create(
            GraphContext g,
            OutputWriter writer,
            Path dir,
            YoloModel model,
            Map<String, NdArray> weights) {
        writer.prepareFolder(dir, "--out");
        writer.checkWritable(dir.resolve(MODEL_FILE));
        YoloRunner.withWeights(g, model, weights);
        writer.writeString(dir.resolve(MODEL_FILE), yaml(content(model, null)));
        new Checkpoints(dir).save(g.session(), TrainState.initial());
    }

    /** Assigns {@code weights} to the model's variables (built in {@code g}). */
    public static void assign(GraphContext g, Model m, Map<String, NdArray> weights) {
        List<Op> assigns = new ArrayList<>();
        for (WeightVariable<TFloat32> v : m.variables()) {
            NdArray w = weights.get(v.name());
            long[] shape = v.variable().shape().asArray();
            if (w == null || !Arrays.equals(w.shape(), shape)) {
                throw DlkitException.invalidInput(
                        v.name()
                                + ": the weights "
                                + (w == null
                                        ? "lack it"
                                        : "have shape " + Arrays.toString(w.shape()))
                                + ", the model needs "
                                + Arrays.toString(shape));
            }
            assigns.add(
                    g.tf().assign(
                                    v.variable(),
                                    g.tf().constant(
                                                    Shape.of(shape),
                                                    DataBuffers.of(w.floats(), true, false))));
        }
        Session.Runner r = g.session().runner();
        assigns.forEach(r::addTarget);
        r.run();
    }

    /** The values of the model's variables (built in {@code g}) by name. */
    public static Map<String, NdArray> weights(GraphContext g, Model m) {
        Session.Runner r = g.session().runner();
        List<WeightVariable<TFloat32>> vars = m.variables();
        vars.forEach(v -> r.fetch(v.read()));
        Map<String, NdArray> out = new LinkedHashMap<>();
        try (Result res = r.run()) {
            for (int i = 0; i < vars.size(); i++) {
                out.put(
                        vars.get(i).name(),
                        NdArray.of(
                                Tensors.toFloats(res.get(i)),
                                vars.get(i).variable().shape().asArray()));
            }
        }
        return out;
    }
}
