package io.dlkit.plugins.face;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * face-api's SSD MobileNet-V1 face detector ({@code ssd_mobilenetv1}): the whole image, padded at
 * the bottom or right to a square and resized to 512x512, scaled to -1..1; out come, for each of
 * 5118 anchors, a box encoding and a face score.
 *
 * <pre>
 * MobileNet-V1: conv 3x3/2 32, then 13 x (depthwise 3x3 + batch norm + relu6, pointwise 1x1 + offset
 *   + relu6), depthwise strides 2 at layers 2, 4, 6, 12; conv11 (32x32x512) and the last (16x16x1024)
 *   feed the heads
 * extra layers: 4 x (1x1 + relu6, 3x3/2 + relu6) -> 8x8x512, 4x4x256, 2x2x256, 1x1x128
 * heads on the 6 maps: 1x1 conv to 4 box numbers and 3 class logits per anchor (3 anchors on conv11,
 *   6 elsewhere): 3072 + 1536 + 384 + 96 + 24 + 6 = 5118
 * score = sigmoid(logit[1])
 * </pre>
 *
 * The box decoding against the anchors ({@code Output/extra_dim}) and the NMS are plain Java in
 * {@link io.dlkit.plugins.face.detect.SsdDecoder}. Weights: {@code ssd_mobilenetv1_model}.
 */
public final class SsdMobileNetV1 {
    /** The input side. */
    public static final int INPUT_SIZE = 512;

    /** The number of anchors. */
    public static final int ANCHORS = 5118;

    private static final int[] CHANNELS = {
        32, 64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024
    };
    private static final float BN_EPSILON = 0.0010000000474974513f;

    private final NetOps ops;
    private final Ops tf;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> boxes;
    private final Operand<TFloat32> scores;
    private final float[] anchors;

    /** Builds the net on {@code ops}' graph. */
    public SsdMobileNetV1(NetOps ops) {
        this.ops = ops;
        this.tf = ops.tf();
        this.input = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
        Operand<TFloat32> x = ops.resize(input, INPUT_SIZE);
        x = tf.math.sub(tf.math.div(x, ops.scalar(127.5f)), ops.scalar(1f));
        List<Operand<TFloat32>> maps = featureMaps(x);
        List<Operand<TFloat32>> box = new ArrayList<>();
        List<Operand<TFloat32>> cls = new ArrayList<>();
        long[] depth = {512, 1024, 512, 256, 256, 128};
        for (int i = 0; i < 6; i++) {
            int per = i == 0 ? 3 : 6;
            String p = "Prediction/BoxPredictor_" + i;
            box.add(flat(head(maps.get(i), p + "/BoxEncodingPredictor", depth[i], 4L * per), 4));
            cls.add(flat(head(maps.get(i), p + "/ClassPredictor", depth[i], 3L * per), 3));
        }
        this.boxes = tf.concat(box, tf.constant(0));
        Operand<TFloat32> logits = tf.concat(cls, tf.constant(0));
        Operand<TFloat32> faceLogit =
                tf.slice(logits, tf.constant(new int[] {0, 1}), tf.constant(new int[] {-1, 1}));
        this.scores = tf.math.sigmoid(tf.reshape(faceLogit, tf.constant(new int[] {-1})));
        this.anchors = ops.floats("Output/extra_dim", 1, ANCHORS, 4);
    }

    /** Builds the net from the weights of {@code ssd_mobilenetv1_model}. */
    public static SsdMobileNetV1 create(GraphContext graph, NamedTensors weights) {
        return new SsdMobileNetV1(new NetOps(graph, weights));
    }

    /**
     * The raw output on an image padded to a square: box encodings {@code [5118 * 4]} and scores.
     */
    public Raw run(FaceImage square) {
        try (TFloat32 x = square.toTensor();
                Result r =
                        ops.graph()
                                .session()
                                .runner()
                                .feed(input, x)
                                .fetch(boxes)
                                .fetch(scores)
                                .run()) {
            return new Raw(Tensors.toFloats(r.get(0)), Tensors.toFloats(r.get(1)), anchors);
        }
    }

    /**
     * The network's output for one image.
     *
     * @param encodings per anchor {@code (ty, tx, th, tw)}
     * @param scores per anchor, the sigmoid of the face logit
     * @param anchors per anchor {@code (ymin, xmin, ymax, xmax)}, relative to the 512-square
     */
    public record Raw(float[] encodings, float[] scores, float[] anchors) {}

    private List<Operand<TFloat32>> featureMaps(Operand<TFloat32> x) {
        Operand<TFloat32> out = pointwise(x, "MobilenetV1/Conv2d_0_pointwise", 3, 3, 32, 2);
        Operand<TFloat32> conv11 = null;
        for (int i = 1; i <= 13; i++) {
            int stride = (i == 2 || i == 4 || i == 6 || i == 12) ? 2 : 1;
            out = depthwise(out, "MobilenetV1/Conv2d_" + i + "_depthwise", CHANNELS[i - 1], stride);
            out =
                    pointwise(
                            out,
                            "MobilenetV1/Conv2d_" + i + "_pointwise",
                            1,
                            CHANNELS[i - 1],
                            CHANNELS[i],
                            1);
            if (i == 11) {
                conv11 = out;
            }
        }
        List<Operand<TFloat32>> maps = new ArrayList<>(List.of(conv11, out));
        long[][] extra = {{1024, 256, 512}, {512, 128, 256}, {256, 128, 256}, {256, 64, 128}};
        Operand<TFloat32> y = out;
        for (int j = 0; j < 4; j++) {
            y =
                    pointwise(
                            y,
                            "Prediction/Conv2d_" + 2 * j + "_pointwise",
                            1,
                            extra[j][0],
                            extra[j][1],
                            1);
            y =
                    pointwise(
                            y,
                            "Prediction/Conv2d_" + (2 * j + 1) + "_pointwise",
                            3,
                            extra[j][1],
                            extra[j][2],
                            2);
            maps.add(y);
        }
        return maps;
    }

    private Operand<TFloat32> pointwise(
            Operand<TFloat32> x, String prefix, int k, long in, long out, int stride) {
        Operand<TFloat32> y =
                ops.conv(x, ops.weight(prefix + "/weights", k, k, in, out), stride, "SAME");
        y = tf.math.add(y, ops.weight(prefix + "/convolution_bn_offset", out));
        return relu6(y);
    }

    private Operand<TFloat32> depthwise(Operand<TFloat32> x, String prefix, long c, int stride) {
        Operand<TFloat32> y =
                ops.depthwise(
                        x, ops.weight(prefix + "/depthwise_weights", 3, 3, c, 1), stride, "SAME");
        Operand<TFloat32> mean = ops.weight(prefix + "/BatchNorm/moving_mean", c);
        Operand<TFloat32> variance = ops.weight(prefix + "/BatchNorm/moving_variance", c);
        Operand<TFloat32> gamma = ops.weight(prefix + "/BatchNorm/gamma", c);
        Operand<TFloat32> beta = ops.weight(prefix + "/BatchNorm/beta", c);
        Operand<TFloat32> inv =
                tf.math.mul(gamma, tf.math.rsqrt(tf.math.add(variance, ops.scalar(BN_EPSILON))));
        y = tf.math.add(tf.math.mul(tf.math.sub(y, mean), inv), beta);
        return relu6(y);
    }

    private Operand<TFloat32> head(Operand<TFloat32> x, String prefix, long in, long out) {
        Operand<TFloat32> y =
                ops.conv(x, ops.weight(prefix + "/weights", 1, 1, in, out), 1, "SAME");
        return tf.math.add(y, ops.weight(prefix + "/biases", out));
    }

    private Operand<TFloat32> flat(Operand<TFloat32> x, int columns) {
        return tf.reshape(x, tf.constant(new int[] {-1, columns}));
    }

    private Operand<TFloat32> relu6(Operand<TFloat32> x) {
        return tf.math.minimum(tf.nn.relu(x), ops.scalar(6f));
    }
}
