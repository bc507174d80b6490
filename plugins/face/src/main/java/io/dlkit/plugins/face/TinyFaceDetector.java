package io.dlkit.plugins.face;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * face-api's tiny face detector ({@code tiny_face_detector}), a Tiny-YOLOv2 with depthwise
 * separable convolutions: the image padded at the bottom or right to a square and resized to {@code
 * inputSize} (a multiple of 32, 416 by default), minus the mean RGB (117.001, 114.697, 97.404), /
 * 255.
 *
 * <pre>
 * conv 3x3 16 (valid) + leaky -> maxpool 2/2 (same)
 * 4 x (pad 1, separable 3x3 -> 32, 64, 128, 256, + leaky, maxpool 2/2 same)
 * pad 1, separable 3x3 512 + leaky -> maxpool 2/1 (same) -> conv 1x1 25 (valid)
 * </pre>
 *
 * The 13x13x25 output (416 input) holds, per cell, 5 anchors x (tx, ty, tw, th, objectness); {@link
 * io.dlkit.plugins.face.detect.TinyYoloDecoder} turns it into boxes. Weights: {@code
 * tiny_face_detector_model}.
 */
public final class TinyFaceDetector {
    /** face-api's default input size. */
    public static final int DEFAULT_INPUT_SIZE = 416;

    private final NetOps ops;
    private final Ops tf;
    private final int inputSize;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;

    /** Builds the net for {@code inputSize} (a multiple of 32) on {@code ops}' graph. */
    public TinyFaceDetector(NetOps ops, int inputSize) {
        if (inputSize < 32 || inputSize % 32 != 0) {
            throw new IllegalArgumentException(
                    "the tiny face detector's input size must be a multiple of 32, got "
                            + inputSize);
        }
        this.ops = ops;
        this.tf = ops.tf();
        this.inputSize = inputSize;
        this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
        Operand<TFloat32> x = ops.resize(input, inputSize);
        this.output = build(ops.normalizeMeanRgb(x, 117.001f, 114.697f, 97.404f));
    }

    /** Builds the net from the weights of {@code tiny_face_detector_model}. */
    public static TinyFaceDetector create(GraphContext graph, NamedTensors weights, int size) {
        return new TinyFaceDetector(new NetOps(graph, weights), size);
    }

    /** The input side. */
    public int inputSize() {
        return inputSize;
    }

    /** The raw {@code [cells, cells, 25]} output on an image padded to a square, flattened. */
    public float[] run(FaceImage square) {
        try (TFloat32 x = square.toTensor();
                Result r = ops.graph().session().runner().feed(input, x).fetch(output).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    private Operand<TFloat32> build(Operand<TFloat32> x) {
        Operand<TFloat32> out = ops.conv(x, ops.weight("conv0/filters", 3, 3, 3, 16), 1, "VALID");
        out = ops.leaky(tf.math.add(out, ops.weight("conv0/bias", 16)));
        out = ops.maxPool(out, 2, 2, "SAME");
        long[] channels = {16, 32, 64, 128, 256, 512};
        for (int i = 1; i <= 5; i++) {
            out = separable(out, "conv" + i, channels[i - 1], channels[i]);
            out = ops.maxPool(out, 2, i == 5 ? 1 : 2, "SAME");
        }
        Operand<TFloat32> y = ops.conv(out, ops.weight("conv8/filters", 1, 1, 512, 25), 1, "VALID");
        return tf.math.add(y, ops.weight("conv8/bias", 25));
    }

    private Operand<TFloat32> separable(Operand<TFloat32> x, String prefix, long in, long out) {
        Operand<TFloat32> padded =
                tf.pad(
                        x,
                        tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
                        tf.constant(0f));
        Operand<TFloat32> dw = ops.weight(prefix + "/depthwise_filter", 3, 3, in, 1);
        Operand<TFloat32> pw = ops.weight(prefix + "/pointwise_filter", 1, 1, in, out);
        Operand<TFloat32> y = ops.conv(ops.depthwise(padded, dw, 1, "VALID"), pw, 1, "VALID");
        return ops.leaky(tf.math.add(y, ops.weight(prefix + "/bias", out)));
    }
}
