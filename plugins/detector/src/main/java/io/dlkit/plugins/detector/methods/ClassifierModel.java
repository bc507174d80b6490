package io.dlkit.plugins.detector.methods;

import io.dlkit.api.DlkitException;
import io.dlkit.backend.image.Image;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Checkpoints;
import io.dlkit.plugins.detector.yolo.YoloModelDir;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * An image classifier trained by {@code dlkit train} on crops ({@code detect crops} writes them): a
 * model folder whose plain stack takes {@code [S, S, 3]} windows in [0, 1] (no stored
 * normalisation) and ends in a softmax over classes, one of them {@code background}. The
 * sliding-window and R-CNN detectors score windows with it.
 *
 * @param dir the model folder
 * @param config model.yaml's {@code model:} section
 * @param classNames the class names, index = output
 * @param window the input side S
 */
public record ClassifierModel(
        Path dir, Map<String, Object> config, List<String> classNames, int window) {
    /** The class name of "no object". */
    public static final String BACKGROUND = "background";

    /**
     * Reads a classifier folder.
     *
     * @throws DlkitException (exit 2) when it is not one
     */
    @SuppressWarnings("unchecked")
    public static ClassifierModel read(Path dir) {
        Path file = dir.resolve(YoloModelDir.MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw DlkitException.invalidInput(
                    dir
                            + ": not a model folder (no model.yaml); train a classifier with dlkit train on 'dlkit detect crops' output");
        }
        Map<String, Object> m = YoloModelDir.readYaml(file);
        if (!(m.get("model") instanceof Map<?, ?> config) || config.containsKey("inputs")) {
            throw DlkitException.invalidInput(
                    dir + ": needs a plain-stack image classifier (input_shape, layers)");
        }
        if (m.get("normalization") != null) {
            throw DlkitException.invalidInput(
                    dir
                            + ": the classifier stores an input normalisation; train it with --normalize none for the detect methods");
        }
        List<?> shape = (List<?>) config.get("input_shape");
        List<String> names = (List<String>) m.getOrDefault("class_names", List.of());
        if (shape == null
                || shape.size() != 3
                || !shape.get(0).equals(shape.get(1))
                || ((Number) shape.get(2)).intValue() != 3) {
            throw DlkitException.invalidInput(
                    dir + ": the classifier must take square RGB windows [S, S, 3], got " + shape);
        }
        if (!names.contains(BACKGROUND)) {
            throw DlkitException.invalidInput(
                    dir
                            + ": the classifier has no 'background' class (classes: "
                            + names
                            + "); 'dlkit detect crops' writes one");
        }
        return new ClassifierModel(
                dir, (Map<String, Object>) config, names, ((Number) shape.get(0)).intValue());
    }

    /** The object classes (every class but background), in output order. */
    public List<String> objectClasses() {
        return classNames.stream().filter(c -> !c.equals(BACKGROUND)).toList();
    }

    /**
     * The trained classifier built in {@code g} on windows {@code [n, S, S, 3]}, weights restored.
     */
    public Built build(GraphContext g) {
        Sequential model = Sequential.fromConfig(config);
        Placeholder<TFloat32> x =
                g.tf().withName("windows")
                        .placeholder(
                                TFloat32.class, Placeholder.shape(Shape.of(-1, window, window, 3)));
        Operand<TFloat32> out = model.forward(g, x, g.tf().constant(false)).output();
        new Checkpoints(dir).restore(g.session());
        return new Built(model, x, out);
    }

    /** A classifier in a graph. */
    public record Built(Sequential model, Placeholder<TFloat32> input, Operand<TFloat32> output) {}

    /**
     * The best object class and its probability from one softmax row; null when background wins.
     */
    float[] best(float[] probs, int offset) {
        int bg = classNames.indexOf(BACKGROUND);
        int best = -1;
        for (int c = 0; c < classNames.size(); c++) {
            if (c != bg && (best < 0 || probs[offset + c] > probs[offset + best])) best = c;
        }
        int objectIndex = best < bg || bg < 0 ? best : best - 1;
        return new float[] {objectIndex, probs[offset + best]};
    }

    /** A crop of {@code image} (pixels, clipped) resized to the window. */
    static float[] crop(Image image, int x1, int y1, int x2, int y2, int size) {
        x1 = Math.max(0, x1);
        y1 = Math.max(0, y1);
        x2 = Math.min(image.width(), Math.max(x1 + 1, x2));
        y2 = Math.min(image.height(), Math.max(y1 + 1, y2));
        int w = x2 - x1;
        int h = y2 - y1;
        float[] px = new float[w * h * 3];
        for (int r = 0; r < h; r++) {
            System.arraycopy(
                    image.data(), ((y1 + r) * image.width() + x1) * 3, px, r * w * 3, w * 3);
        }
        return io.dlkit.backend.image.Images.resize(new Image(px, w, h, 3), size, size).data();
    }
}
