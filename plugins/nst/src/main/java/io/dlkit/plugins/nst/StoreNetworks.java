package io.dlkit.plugins.nst;

import io.dlkit.api.DlkitException;
import io.dlkit.api.model.PretrainedModels;
import io.dlkit.backend.io.DataFormatException;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tfjs.KerasModel;
import java.util.LinkedHashMap;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Loss networks from the model store: nsfwjs' ImageNet-pretrained backbones (TF.js layers models,
 * converted to dlkit functional models). The layers up to the deepest one used are built on {@code
 * nst/pixels} ({@code [1, H, W, 3]}, the size of the run) followed by the nsfwjs pre-processing
 * (divide by 255), so that they run on the pixels being optimised and gradients reach them.
 */
final class StoreNetworks {
    static final String PIXELS = "nst/pixels";

    /** A store model usable as a loss network, with its default layers. */
    record Known(String name, String last, String content, List<String> style) {}

    static final List<Known> KNOWN =
            List.of(
                    new Known(
                            "mobilenet_v2",
                            "out_relu",
                            "block_6_expand_relu",
                            List.of(
                                    "Conv1_relu",
                                    "block_1_expand_relu",
                                    "block_3_expand_relu",
                                    "block_6_expand_relu",
                                    "block_13_expand_relu")),
                    new Known(
                            "inception_v3",
                            "mixed10",
                            "mixed2",
                            List.of(
                                    "activation_1",
                                    "activation_3",
                                    "activation_5",
                                    "mixed1",
                                    "mixed3")));

    private StoreNetworks() {}

    static boolean isKnown(String name) {
        return KNOWN.stream().anyMatch(k -> k.name().equals(name));
    }

    static LossNetwork load(
            PretrainedModels models, GraphContext g, String name, int height, int width) {
        Known known =
                KNOWN.stream()
                        .filter(k -> k.name().equals(name))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        DlkitException.invalidInput(
                                                "unknown loss network '"
                                                        + name
                                                        + "'; give mobilenet_v2, inception_v3 or a"
                                                        + " model directory (--model DIR)"));
        KerasModel model;
        try {
            model = KerasModel.read(models.require(name));
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(e.getMessage());
        }
        return build(model, known, g, 1f / 255f, height, width);
    }

    /**
     * {@code model} up to {@code known.last()} built in {@code g} on {@code nst/pixels * scale}
     * ({@code [1, height, width, 3]}), its trained weights assigned.
     */
    static LossNetwork build(
            KerasModel model, Known known, GraphContext g, float scale, int height, int width) {
        Ops tf = g.tf();
        Placeholder<TFloat32> pixels =
                tf.withSubScope("nst")
                        .withName("pixels")
                        .placeholder(
                                TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 3)));
        Operand<TFloat32> x = tf.math.mul(pixels, tf.constant(scale));
        KerasModel.Built built;
        try {
            built = model.upTo(List.of(known.last()), height, width).build(g, x);
        } catch (DataFormatException e) {
            throw DlkitException.invalidInput(
                    known.name()
                            + " cannot run on a "
                            + width
                            + "x"
                            + height
                            + " image (too small for its convolutions); give a larger --size");
        }
        return new LossNetwork(
                known.name(),
                pixels.output(),
                new LinkedHashMap<>(built.layers()),
                known.content(),
                known.style());
    }
}
