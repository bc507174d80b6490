package io.dlkit.plugins.detector.pretrained;

import io.dlkit.backend.image.Image;
import io.dlkit.backend.image.Images;
import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import io.dlkit.plugins.detector.ObjectDetector;
import io.dlkit.plugins.detector.boxes.BoundingBox;
import io.dlkit.plugins.detector.boxes.Detection;
import io.dlkit.plugins.detector.boxes.NmsOptions;
import io.dlkit.plugins.detector.boxes.NonMaxSuppression;
import io.dlkit.plugins.detector.yolo.YoloDecoder;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;

/**
 * {@code --model face-tiny}: face-api's tiny face detector ({@code tiny_face_detector} in the model
 * store, MIT), a Tiny-YOLOv2 with depthwise separable convolutions and 5 anchors, built here from
 * its weight manifest and decoded by {@link YoloDecoder} as a one-class YOLO:
 *
 * <pre>
 * image zero-padded after its shorter side to a square, resized to 416 (bilinear, TF.js legacy),
 * (x - (117.001, 114.697, 97.404)) / 255  (x in 0..255)
 * conv 3x3 16 valid + leaky 0.1 -> maxpool 2/2 same
 * 5 x (pad 1, depthwise 3x3 + pointwise to 32, 64, 128, 256, 512, + bias, leaky) each -> maxpool
 *     2/2 same (the last 2/1)
 * conv 1x1 25 + bias: 13 x 13 x 5 x (tx, ty, tw, th, to)
 * </pre>
 *
 * The output has no class logits; a constant one is added, so {@code score = sigmoid(t_o)}.
 */
public final class FaceTinyDetector implements ObjectDetector {
    /** The name {@code --model} takes. */
    public static final String NAME = "face-tiny";

    /** The model store's name of the weights. */
    public static final String STORE_NAME = "tiny_face_detector";

    /** face-api's anchors, in cells. */
    public static final float[] ANCHORS = {
        1.603231f, 2.094468f, 6.041143f, 7.080126f, 2.882459f, 3.518061f, 4.266906f, 5.178857f,
        9.041765f, 10.66308f
    };

    /** face-api's default input side. */
    public static final int DEFAULT_SIZE = 416;

    private static final int[] CHANNELS = {16, 32, 64, 128, 256, 512};

    private final GraphContext g;
    private final Ops tf;
    private final NamedTensors weights;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;
    private final int size;
    private final YoloDecoder decoder;

    /** Builds the net in {@code g} from the store's {@code tiny_face_detector} weights. */
    public FaceTinyDetector(GraphContext g, NamedTensors weights) {
        this(g, weights, DEFAULT_SIZE);
    }

    /** As above with the input side {@code size} (a multiple of 32; face-api takes 128 to 608). */
    public FaceTinyDetector(GraphContext g, NamedTensors weights, int size) {
        if (size < 32 || size % 32 != 0) {
            throw new IllegalArgumentException("input size must be a multiple of 32, got " + size);
        }
        this.size = size;
        this.decoder = new YoloDecoder(size / 32, size / 32, ANCHORS, 1);
        this.g = g;
        this.tf = g.tf();
        this.weights = weights;
        input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
        Operand<TFloat32> x =
                tf.image.resizeBilinear(
                        input,
                        tf.constant(new int[] {size, size}),
                        ResizeBilinear.alignCorners(false),
                        ResizeBilinear.halfPixelCenters(false));
        x =
                tf.math.div(
                        tf.math.sub(x, tf.constant(new float[] {117.001f, 114.697f, 97.404f})),
                        tf.constant(255f));
        output = build(x);
    }

    private Operand<TFloat32> build(Operand<TFloat32> x) {
        Operand<TFloat32> out = tf.nn.conv2d(x, w("conv0/filters", 3, 3, 3, 16), ones(), "VALID");
        out = pool(leaky(tf.math.add(out, w("conv0/bias", 16))), 2);
        for (int i = 1; i <= 5; i++) {
            long in = CHANNELS[i - 1];
            long n = CHANNELS[i];
            Operand<TFloat32> padded =
                    tf.pad(
                            out,
                            tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}),
                            tf.constant(0f));
            Operand<TFloat32> dw =
                    tf.nn.depthwiseConv2dNative(
                            padded,
                            w("conv" + i + "/depthwise_filter", 3, 3, in, 1),
                            ones(),
                            "VALID");
            Operand<TFloat32> y =
                    tf.nn.conv2d(
                            dw, w("conv" + i + "/pointwise_filter", 1, 1, in, n), ones(), "VALID");
            out = pool(leaky(tf.math.add(y, w("conv" + i + "/bias", n))), i == 5 ? 1 : 2);
        }
        Operand<TFloat32> y = tf.nn.conv2d(out, w("conv8/filters", 1, 1, 512, 25), ones(), "VALID");
        return tf.math.add(y, w("conv8/bias", 25));
    }

    @Override
    public List<String> classNames() {
        return List.of("face");
    }

    @Override
    public List<Detection> detect(Image image, NmsOptions options) {
        Image rgb = Images.convert(image, 3);
        int side = Math.max(rgb.width(), rgb.height());
        float[] square = new float[side * side * 3];
        float[] px = rgb.data();
        for (int r = 0; r < rgb.height(); r++) {
            for (int i = 0; i < rgb.width() * 3; i++) {
                square[r * side * 3 + i] = px[r * rgb.width() * 3 + i] * 255f;
            }
        }
        float[] raw;
        try (TFloat32 t = Tensors.floats(square, 1, side, side, 3);
                Result r = g.session().runner().feed(input, t).fetch(output).run()) {
            raw = Tensors.toFloats(r.get(0));
        }
        List<Detection> kept =
                NonMaxSuppression.apply(
                        decoder.decode(withClassLogit(raw), options.scoreThreshold()), options);
        List<Detection> out = new ArrayList<>();
        for (Detection d : kept) {
            BoundingBox b = d.box().scale(side, side).clip(rgb.width(), rgb.height());
            if (b.area() > 0) out.add(new Detection(b, 0, d.score()));
        }
        return out;
    }

    /** {@code (tx, ty, tw, th, to)} per anchor to {@code (tx, ty, tw, th, to, 0)}. */
    static float[] withClassLogit(float[] raw) {
        int boxes = raw.length / 5;
        float[] out = new float[boxes * 6];
        for (int b = 0; b < boxes; b++) System.arraycopy(raw, b * 5, out, b * 6, 5);
        return out;
    }

    private Operand<TFloat32> w(String name, long... shape) {
        NdArray a = weights.require(name, shape);
        return tf.constant(Shape.of(shape), DataBuffers.of(a.floats(), true, false));
    }

    private Operand<TFloat32> leaky(Operand<TFloat32> x) {
        return tf.nn.leakyRelu(x, org.tensorflow.op.nn.LeakyRelu.alpha(0.1f));
    }

    private Operand<TFloat32> pool(Operand<TFloat32> x, int stride) {
        return tf.nn.maxPool(
                x,
                tf.constant(new int[] {1, 2, 2, 1}),
                tf.constant(new int[] {1, stride, stride, 1}),
                "SAME");
    }

    private static List<Long> ones() {
        return List.of(1L, 1L, 1L, 1L);
    }
}
