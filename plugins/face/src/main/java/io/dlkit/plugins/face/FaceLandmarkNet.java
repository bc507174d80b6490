package io.dlkit.plugins.face;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * face-api's 68-point landmark net ({@code face_landmark_68}): a face crop in, 68 (x, y) points
 * relative to the crop out.
 *
 * <pre>
 * x = resize112(padToSquare(face, centred)) - meanRGB, / 255
 * dense(b)  : out1 = relu(sep/2(x)) (dense0: a plain 3x3/2 conv + bias), out2 = sep(out1),
 *             out3 = sep(relu(out1 + out2)), out4 = sep(relu(out1 + out2 + out3)),
 *             relu(out1 + out2 + out3 + out4)            sep = depthwise 3x3 + pointwise 1x1 + bias
 * dense0 32 -> dense1 64 -> dense2 128 -> dense3 256 (112 -> 7) -> avgpool 7/2 -> fc 256x136
 * </pre>
 *
 * The 136 outputs are (x, y) pairs in the padded 112-square, divided by 112; {@link #locate}
 * removes the padding as face-api's {@code postProcess} does. Weights: {@code
 * face_landmark_68_model}.
 */
public final class FaceLandmarkNet {
    /** The input side. */
    public static final int INPUT_SIZE = 112;

    /** The number of points. */
    public static final int POINTS = 68;

    private final NetOps ops;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;

    /** Builds the net on {@code ops}' graph. */
    public FaceLandmarkNet(NetOps ops) {
        this.ops = ops;
        this.input =
                ops.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
        this.output = build(ops.normalizeMeanRgb(ops.resize(input, INPUT_SIZE)));
    }

    /** Builds the net from the weights of {@code face_landmark_68_model}. */
    public static FaceLandmarkNet create(GraphContext graph, NamedTensors weights) {
        return new FaceLandmarkNet(new NetOps(graph, weights));
    }

    /**
     * The 68 points of a face crop, as fractions of the crop's width and height: {@code [x0, y0,
     * x1, y1, ...]}.
     */
    public float[] locate(FaceImage face) {
        float[] raw;
        try (TFloat32 x = face.padToSquare(true).toTensor();
                Result r = ops.graph().session().runner().feed(input, x).fetch(output).run()) {
            raw = Tensors.toFloats(r.get(0));
        }
        return unpad(raw, face.width(), face.height());
    }

    /**
     * face-api's {@code postProcess}: the crop scaled into the square is {@code w' x h'}, centred
     * with {@code |w' - h'| / 2} on each side of the shorter one.
     */
    static float[] unpad(float[] raw, int width, int height) {
        float scale = (float) INPUT_SIZE / Math.max(width, height);
        float w = width * scale;
        float h = height * scale;
        float padX = w < h ? Math.abs(w - h) / 2 : 0;
        float padY = h < w ? Math.abs(w - h) / 2 : 0;
        float[] rel = new float[2 * POINTS];
        for (int i = 0; i < POINTS; i++) {
            rel[2 * i] = (raw[2 * i] * INPUT_SIZE - padX) / w;
            rel[2 * i + 1] = (raw[2 * i + 1] * INPUT_SIZE - padY) / h;
        }
        return rel;
    }

    private Operand<TFloat32> build(Operand<TFloat32> x) {
        Operand<TFloat32> out = denseBlock(x, "dense0", 3, 32, true);
        out = denseBlock(out, "dense1", 32, 64, false);
        out = denseBlock(out, "dense2", 64, 128, false);
        out = denseBlock(out, "dense3", 128, 256, false);
        out = ops.avgPool(out, 7, 2);
        out = ops.tf().reshape(out, ops.tf().constant(new int[] {-1, 256}));
        Operand<TFloat32> y =
                ops.tf().linalg.matMul(out, ops.weight("fc/weights", 256, 2 * POINTS));
        return ops.tf().math.add(y, ops.weight("fc/bias", 2 * POINTS));
    }

    private Operand<TFloat32> denseBlock(
            Operand<TFloat32> x, String prefix, long in, long out, boolean first) {
        Operand<TFloat32> c0;
        if (first) {
            Operand<TFloat32> k = ops.weight(prefix + "/conv0/filters", 3, 3, in, out);
            c0 =
                    ops.tf()
                            .math
                            .add(
                                    ops.conv(x, k, 2, "SAME"),
                                    ops.weight(prefix + "/conv0/bias", out));
        } else {
            c0 = ops.separable(x, prefix + "/conv0", in, out, 2);
        }
        Operand<TFloat32> out1 = ops.tf().nn.relu(c0);
        Operand<TFloat32> out2 = ops.separable(out1, prefix + "/conv1", out, out, 1);
        Operand<TFloat32> in3 = ops.tf().nn.relu(ops.tf().math.add(out1, out2));
        Operand<TFloat32> out3 = ops.separable(in3, prefix + "/conv2", out, out, 1);
        Operand<TFloat32> sum3 = ops.tf().math.add(out1, ops.tf().math.add(out2, out3));
        Operand<TFloat32> out4 =
                ops.separable(ops.tf().nn.relu(sum3), prefix + "/conv3", out, out, 1);
        return ops.tf()
                .nn
                .relu(
                        ops.tf()
                                .math
                                .add(out1, ops.tf().math.add(out2, ops.tf().math.add(out3, out4))));
    }
}
