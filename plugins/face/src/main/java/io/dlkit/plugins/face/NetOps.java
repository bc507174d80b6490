package io.dlkit.plugins.face;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * The few TensorFlow ops face-api's networks are made of, with the pretrained weights of a TF.js
 * manifest baked into the graph as constants: {@code conv2d} (+ bias), depthwise and separable
 * convolutions, pooling, and the legacy bilinear resize TF.js uses ({@code alignCorners = false,
 * halfPixelCenters = false}). Every weight is looked up by name and exact shape, so a missing or
 * misshapen tensor fails at build time with one error naming it.
 */
public final class NetOps {
    private final GraphContext graph;
    private final Ops tf;
    private final NamedTensors weights;

    /** Builds on {@code graph} with {@code weights}. */
    public NetOps(GraphContext graph, NamedTensors weights) {
        this.graph = graph;
        this.tf = graph.tf();
        this.weights = weights;
    }

    /** The op builder. */
    public Ops tf() {
        return tf;
    }

    /** The graph context. */
    public GraphContext graph() {
        return graph;
    }

    /** The weight {@code name} of exactly {@code shape}, as a graph constant. */
    public Operand<TFloat32> weight(String name, long... shape) {
        return constant(weights.require(name, shape).floats(), shape);
    }

    /** The weight {@code name} of exactly {@code shape}, as Java floats. */
    public float[] floats(String name, long... shape) {
        return weights.require(name, shape).floats();
    }

    /** A float constant of {@code shape}. */
    public Operand<TFloat32> constant(float[] values, long... shape) {
        try (TFloat32 t = Tensors.floats(values, shape)) {
            return tf.constant(t);
        }
    }

    /** A scalar constant. */
    public Operand<TFloat32> scalar(float value) {
        return tf.constant(value);
    }

    /** Conv2D with an HWIO kernel, {@code "SAME"} or {@code "VALID"} padding. */
    public Operand<TFloat32> conv(
            Operand<TFloat32> x, Operand<TFloat32> kernel, int stride, String padding) {
        return tf.nn.conv2d(x, kernel, strides(stride), padding);
    }

    /** Depthwise Conv2D with a {@code [h, w, C, 1]} kernel. */
    public Operand<TFloat32> depthwise(
            Operand<TFloat32> x, Operand<TFloat32> kernel, int stride, String padding) {
        return tf.nn.depthwiseConv2dNative(x, kernel, strides(stride), padding);
    }

    /**
     * TF.js {@code separableConv2d(x, depthwise, pointwise, stride, 'same')} followed by {@code +
     * bias}: weights {@code prefix/depthwise_filter}, {@code prefix/pointwise_filter}, {@code
     * prefix/bias}.
     */
    public Operand<TFloat32> separable(
            Operand<TFloat32> x, String prefix, long in, long out, int stride) {
        Operand<TFloat32> dw = weight(prefix + "/depthwise_filter", 3, 3, in, 1);
        Operand<TFloat32> pw = weight(prefix + "/pointwise_filter", 1, 1, in, out);
        Operand<TFloat32> y = conv(depthwise(x, dw, stride, "SAME"), pw, 1, "SAME");
        return tf.math.add(y, weight(prefix + "/bias", out));
    }

    /** Average pooling, VALID padding. */
    public Operand<TFloat32> avgPool(Operand<TFloat32> x, int size, int stride) {
        return tf.nn.avgPool(x, window(size), strides(stride), "VALID");
    }

    /** Max pooling, VALID padding. */
    public Operand<TFloat32> maxPool(Operand<TFloat32> x, int size, int stride) {
        return maxPool(x, size, stride, "VALID");
    }

    /** Max pooling, {@code "SAME"} or {@code "VALID"} padding. */
    public Operand<TFloat32> maxPool(Operand<TFloat32> x, int size, int stride, String padding) {
        return tf.nn.maxPool(
                x,
                tf.constant(new int[] {1, size, size, 1}),
                tf.constant(new int[] {1, stride, stride, 1}),
                padding);
    }

    /** face-api's {@code leaky}: {@code relu(x - 0.1 x) + 0.1 x}, a leaky ReLU of slope 0.1. */
    public Operand<TFloat32> leaky(Operand<TFloat32> x) {
        Operand<TFloat32> min = tf.math.mul(x, scalar(0.10000000149011612f));
        return tf.math.add(tf.nn.relu(tf.math.sub(x, min)), min);
    }

    /** TF.js {@code resizeBilinear(x, [size, size], false, false)}. */
    public Operand<TFloat32> resize(Operand<TFloat32> x, int size) {
        return tf.image.resizeBilinear(
                x,
                tf.constant(new int[] {size, size}),
                ResizeBilinear.alignCorners(false),
                ResizeBilinear.halfPixelCenters(false));
    }

    /** {@code (x - meanRgb) / 255}: face-api's normalisation of the face nets. */
    public Operand<TFloat32> normalizeMeanRgb(Operand<TFloat32> x) {
        return normalizeMeanRgb(x, 122.782f, 117.001f, 104.298f);
    }

    /** {@code (x - (r, g, b)) / 255}. */
    public Operand<TFloat32> normalizeMeanRgb(Operand<TFloat32> x, float r, float g, float b) {
        Operand<TFloat32> mean = constant(new float[] {r, g, b}, 3);
        return tf.math.div(tf.math.sub(x, mean), scalar(255f));
    }

    private static List<Long> strides(int s) {
        return List.of(1L, (long) s, (long) s, 1L);
    }

    private static List<Long> window(int k) {
        return List.of(1L, (long) k, (long) k, 1L);
    }
}
