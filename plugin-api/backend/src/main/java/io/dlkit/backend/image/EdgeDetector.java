package io.dlkit.backend.image;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Edge detection as a TensorFlow convolution, on the device of a {@link GraphContext}: the image
 * becomes grey (BT.601 luma {@code 0.299 R + 0.587 G + 0.114 B} as a 1x1 Conv2D, alpha ignored),
 * then one Conv2D applies the {@link EdgeFilter}'s kernels (one output channel each), then the edge
 * strength is {@code |response|} for one kernel or {@code sqrt(v^2 + h^2)} for two.
 *
 * <p>With {@link Padding#REFLECT} the output has the input's size: the border is mirrored ({@code
 * in[-1] = in[1]}), so a flat region stays 0 up to the image's edge instead of showing a false edge
 * against zero padding. With {@link Padding#VALID} the output is {@code (h-2) x (w-2)} (the notes'
 * {@code n - f + 1}).
 *
 * <p>The graph is built once per channel count (1, 3 or 4) and reused for every image of any size.
 *
 * <pre>{@code
 * try (GraphContext g = ctx.openGraph()) {
 *     EdgeDetector edges = new EdgeDetector(g, EdgeFilter.SOBEL, EdgeDetector.Padding.REFLECT);
 *     Images.write(Path.of("cat-edges.png"), edges.normalised(Images.read(Path.of("cat.png"))));
 * }
 * }</pre>
 */
public final class EdgeDetector {
    /** How the border is handled. */
    public enum Padding {
        /** Output the input's size; the border is mirrored (TensorFlow's MirrorPad REFLECT). */
        REFLECT,
        /** No padding: the output is 2 pixels smaller in each dimension. */
        VALID
    }

    private static final float[] LUMA = {0.299f, 0.587f, 0.114f};

    private final GraphContext graph;
    private final EdgeFilter filter;
    private final Padding padding;
    private final Map<Integer, Nodes> byChannels = new HashMap<>();

    /** A detector that builds its ops in {@code graph} on first use. */
    public EdgeDetector(GraphContext graph, EdgeFilter filter, Padding padding) {
        this.graph = requireNonNull(graph, "graph is null");
        this.filter = requireNonNull(filter, "filter is null");
        this.padding = requireNonNull(padding, "padding is null");
    }

    /**
     * The edge strength of each pixel, unscaled: a grey image whose values are {@code |response|}
     * or {@code sqrt(v^2 + h^2)} of the grey pixels (an edge from 1 to 0 under the vertical kernel
     * gives 3).
     *
     * @throws IllegalArgumentException if the image is smaller than 3x3
     */
    public Image magnitude(Image image) {
        return run(image, false);
    }

    /**
     * The edge strength divided by its maximum over the image, so the strongest edge is 1 (255 when
     * written as 8 bits); an image without edges gives all 0.
     *
     * @throws IllegalArgumentException if the image is smaller than 3x3
     */
    public Image normalised(Image image) {
        return run(image, true);
    }

    private Image run(Image image, boolean normalised) {
        requireNonNull(image, "image is null");
        if (image.height() < 3 || image.width() < 3) {
            throw new IllegalArgumentException(
                    "edge detection needs an image of at least 3x3 pixels, got "
                            + image.height()
                            + "x"
                            + image.width());
        }
        Nodes nodes = byChannels.computeIfAbsent(image.channels(), this::build);
        try (TFloat32 input = image.toTensor();
                Result result =
                        graph.session()
                                .runner()
                                .feed(nodes.input, input)
                                .fetch(normalised ? nodes.normalised : nodes.magnitude)
                                .run()) {
            return Image.fromTensor((TFloat32) result.get(0));
        }
    }

    private Nodes build(int channels) {
        Ops tf = graph.tf();
        Placeholder<TFloat32> input =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, channels)));
        List<Long> ones = List.of(1L, 1L, 1L, 1L);
        Operand<TFloat32> grey =
                tf.nn.conv2d(input, tf.constant(greyKernel(channels)), ones, "VALID");
        if (padding == Padding.REFLECT) {
            int[][] pad = {{0, 0}, {1, 1}, {1, 1}, {0, 0}};
            grey = tf.mirrorPad(grey, tf.constant(pad), "REFLECT");
        }
        List<float[][]> kernels = filter.kernels();
        Operand<TFloat32> response =
                tf.nn.conv2d(grey, tf.constant(edgeKernel(kernels)), ones, "VALID");
        Operand<TFloat32> magnitude =
                kernels.size() == 1
                        ? tf.math.abs(response)
                        : tf.math.sqrt(
                                tf.sum(
                                        tf.math.square(response),
                                        tf.constant(3),
                                        org.tensorflow.op.core.Sum.keepDims(true)));
        Operand<TFloat32> max = tf.reduceMax(magnitude, tf.constant(new int[] {0, 1, 2, 3}));
        return new Nodes(input, magnitude, tf.math.divNoNan(magnitude, max));
    }

    /** {@code [1, 1, channels, 1]}: the luma weights, or 1 for an image that is already grey. */
    private static float[][][][] greyKernel(int channels) {
        float[][][][] k = new float[1][1][channels][1];
        for (int c = 0; c < channels; c++) {
            k[0][0][c][0] = channels == 1 ? 1f : c < 3 ? LUMA[c] : 0f;
        }
        return k;
    }

    /** {@code [3, 3, 1, kernels]}: each 3x3 kernel as one output channel. */
    private static float[][][][] edgeKernel(List<float[][]> kernels) {
        float[][][][] k = new float[3][3][1][kernels.size()];
        for (int o = 0; o < kernels.size(); o++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    k[i][j][0][o] = kernels.get(o)[i][j];
                }
            }
        }
        return k;
    }

    private record Nodes(
            Placeholder<TFloat32> input,
            Operand<TFloat32> magnitude,
            Operand<TFloat32> normalised) {}
}
