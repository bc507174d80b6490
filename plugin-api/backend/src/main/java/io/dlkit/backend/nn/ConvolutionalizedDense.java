package io.dlkit.backend.nn;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The notes' "Turning FC layer into convolutional layers" (OverFeat): a dense layer of {@code
 * units} on a flattened {@code H x W x C} volume is an {@code H x W} {@code valid} convolution with
 * {@code units} filters, whose kernel {@code [H, W, C, units]} holds the dense kernel {@code [H W
 * C, units]} element for element (the row {@code (y W + x) C + c} of the dense kernel is the filter
 * position {@code [y, x, c]}, the order in which {@link FlattenLayer} unrolls a volume). Every
 * later dense layer becomes a 1x1 convolution.
 *
 * <p>A classifier trained on {@code 14 x 14 x 3} windows (conv 5x5 → max-pool 2x2 → flatten → dense
 * ...) then runs on a {@code 16 x 16 x 3} image in one pass and outputs a {@code 2 x 2} grid: cell
 * {@code (i, j)} equals the classifier's output on the window at rows {@code 2i..2i+13}, columns
 * {@code 2j..2j+13}, the stride 2 coming from the max-pool. The converted layers keep the dense
 * layers' names, so their variables have the same names and element counts; {@link #copyWeights}
 * moves trained values across graphs.
 */
public final class ConvolutionalizedDense {
    private ConvolutionalizedDense() {}

    /**
     * The convolution equivalent to {@code dense} applied to a flattened {@code volume}: kernel
     * {@code [H, W]}, stride 1, {@code valid}, {@code units} filters, the same name, activation
     * (softmax over the channels), initializer, bias and batch-norm settings.
     *
     * @param volume the {@code [H, W, C]} volume that was flattened into {@code dense}
     */
    public static Conv2DLayer toConv(DenseLayer dense, long[] volume) {
        requireNonNull(dense, "dense is null");
        if (volume.length != 3) {
            throw new IllegalArgumentException(
                    "volume must be [height, width, channels], got " + Arrays.toString(volume));
        }
        return new Conv2DLayer(
                new ConvSpec(
                        dense.hasName() ? dense.name() : null,
                        dense.units(),
                        new int[] {Math.toIntExact(volume[0]), Math.toIntExact(volume[1])},
                        new int[] {1, 1},
                        Padding.VALID,
                        dense.activation(),
                        dense.initializer(),
                        dense.useBias(),
                        dense.batchNorm(),
                        BatchNormLayer.DEFAULT_EPSILON));
    }

    /**
     * The fully convolutional twin of a built classifier: its layers up to the {@link FlattenLayer}
     * copied, the flatten dropped, each later dense layer turned into a convolution ({@link
     * #toConv}), dropout and element-wise activations kept.
     *
     * @param trained a model built by {@link Model#forward} (its shapes are needed)
     * @param inputShape the larger image {@code [H', W', C]} to slide the classifier over
     * @throws IllegalArgumentException when the model has no flatten layer, or a layer after it
     *     that has no convolutional form
     */
    public static Sequential convert(Sequential trained, long... inputShape) {
        requireNonNull(trained, "trained is null");
        List<long[]> shapes = trained.layerOutputShapes();
        Sequential.Builder b = Sequential.builder().input(inputShape);
        long[] volume = null;
        long[] in = trained.inputShape();
        for (int i = 0; i < trained.layers().size(); i++) {
            Layer layer = trained.layers().get(i);
            if (layer instanceof FlattenLayer) {
                volume = in;
            } else if (volume == null) {
                b.add(Layers.fromConfig(layer.config()));
            } else if (layer instanceof DenseLayer dense) {
                b.add(toConv(dense, volume));
                volume = new long[] {1, 1, dense.units()};
            } else if (layer instanceof DropoutLayer
                    || (layer instanceof ActivationLayer a
                            && !a.activation().name().equals("softmax"))) {
                b.add(Layers.fromConfig(layer.config()));
            } else {
                throw new IllegalArgumentException(
                        "layer '"
                                + layer.name()
                                + "' ("
                                + layer.type()
                                + ") after the flatten layer has no convolutional form");
            }
            in = shapes.get(i);
        }
        if (volume == null) {
            throw new IllegalArgumentException(
                    "the model has no flatten layer, so there is no dense part to convolutionalize");
        }
        return b.build();
    }

    /**
     * Copies each of {@code targets}' values from the same-named variable of {@code source}: a
     * dense kernel {@code [H W C, units]} lands in the convolution kernel {@code [H, W, C, units]}
     * unchanged in row-major order. Adds one placeholder and assign per variable to the target
     * graph; call it once, after building the target model.
     *
     * @throws IllegalArgumentException when a variable is missing from {@code source} or its
     *     element count differs
     */
    public static void copyWeights(
            GraphContext source, GraphContext target, List<WeightVariable<TFloat32>> targets) {
        Ops tf = target.tf();
        List<Placeholder<TFloat32>> feeds = new ArrayList<>();
        List<Op> assigns = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (WeightVariable<TFloat32> v : targets) {
            WeightVariable<?> from = find(source, v.name());
            Shape fromShape = from.variable().shape();
            Shape toShape = v.variable().shape();
            if (fromShape.size() != toShape.size()) {
                throw new IllegalArgumentException(
                        "variable '"
                                + v.name()
                                + "' has "
                                + fromShape
                                + " in the source and "
                                + toShape
                                + " in the target: element counts differ");
            }
            try (Result r = source.session().runner().fetch(from.read()).run()) {
                values.add(Tensors.toFloats(r.get(0)));
            }
            Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(toShape));
            feeds.add(p);
            assigns.add(tf.assign(v.variable(), p));
        }
        for (int i = 0; i < targets.size(); i++) {
            long[] shape = targets.get(i).variable().shape().asArray();
            try (TFloat32 t = Tensors.floats(values.get(i), shape);
                    Result r =
                            target.session()
                                    .runner()
                                    .feed(feeds.get(i), t)
                                    .addTarget(assigns.get(i))
                                    .run()) {
                // assigned
            }
        }
    }

    private static WeightVariable<?> find(GraphContext source, String name) {
        return source.variables().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        "variable '" + name + "' is not in the source graph"));
    }
}
