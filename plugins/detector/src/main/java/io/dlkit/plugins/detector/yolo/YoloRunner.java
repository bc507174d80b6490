package io.dlkit.plugins.detector.yolo;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Checkpoints;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * A YOLO model's forward pass built once in a graph (inference: batch norm uses its moving
 * statistics) and run on batches of images: {@code [n, H, W, 3]} in, the raw {@code [n, S, S, B, 5
 * + C]} out.
 */
public final class YoloRunner {
    private final GraphContext g;
    private final YoloModel model;
    private final Model built;
    private final Placeholder<TFloat32> x;
    private final Operand<TFloat32> output;

    private YoloRunner(GraphContext g, YoloModel model) {
        this.g = g;
        this.model = model;
        this.built = model.build();
        long[] in = model.inputShape();
        x =
                g.tf().withName("yolo_input")
                        .placeholder(
                                TFloat32.class,
                                Placeholder.shape(Shape.of(-1, in[0], in[1], in[2])));
        output = built.forward(g, x, g.tf().constant(false)).output();
    }

    /** The model with fresh (initialised, untrained) weights. */
    public static YoloRunner fresh(GraphContext g, YoloModel model) {
        return new YoloRunner(requireNonNull(g, "g is null"), model);
    }

    /** The model of a YOLO model directory with its trained weights. */
    public static YoloRunner open(GraphContext g, Path dir) {
        YoloRunner r = new YoloRunner(g, YoloModelDir.read(dir));
        new Checkpoints(dir).restore(g.session());
        return r;
    }

    /** The model with {@code weights} (by variable name) assigned. */
    public static YoloRunner withWeights(
            GraphContext g, YoloModel model, Map<String, NdArray> weights) {
        YoloRunner r = new YoloRunner(g, model);
        YoloModelDir.assign(g, r.built, weights);
        return r;
    }

    /** The model. */
    public YoloModel model() {
        return model;
    }

    /** The current weights by variable name. */
    public Map<String, NdArray> weights() {
        return YoloModelDir.weights(g, built);
    }

    /** The raw outputs of {@code n} images ({@code n x H x W x 3} floats), flat. */
    public float[] run(float[] images, int n) {
        long[] in = model.inputShape();
        try (TFloat32 t = Tensors.floats(images, n, in[0], in[1], in[2]);
                Result r = g.session().runner().feed(x, t).fetch(output).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }
}
