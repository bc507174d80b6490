package io.dlkit.plugins.face;

import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.tfjs.NamedTensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * face-api's face recognition net (dlib's ResNet-34-like {@code dlib_face_recognition_resnet_model
 * _v1} with fewer filters): a 150x150 RGB face in, a 128-d descriptor out; two faces of one person
 * lie within Euclidean distance 0.6.
 *
 * <pre>
 * x = resize150(padToSquare(face, centred)) - meanRGB(122.782, 117.001, 104.298), / 255
 * conv 7x7/2 32 (valid) -> maxpool 3/2 -> 3 x res32 -> res64 down + 3 x res64
 *   -> res128 down + 2 x res128 -> res256 down + 2 x res256 -> res256 down -> mean(H, W) -> fc 256x128
 * conv layer  = relu?(conv(x) + bias) * scale.weights + scale.biases
 * residual    = relu(convNoRelu(conv(x)) + x)
 * down        = relu(convNoRelu(conv/2 valid(x)) + avgpool2/2(x) zero-padded to the same shape)
 * </pre>
 *
 * Weights: {@code face_recognition_model}.
 */
public final class FaceRecognitionNet {
    /** The input side. */
    public static final int INPUT_SIZE = 150;

    /** The descriptor length. */
    public static final int DESCRIPTOR_SIZE = 128;

    private final NetOps ops;
    private final Placeholder<TFloat32> input;
    private final Operand<TFloat32> output;

    /** Builds the net on {@code ops}' graph. */
    public FaceRecognitionNet(NetOps ops) {
        this.ops = ops;
        this.input =
                ops.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, -1, -1, 3)));
        this.output = build(ops.normalizeMeanRgb(ops.resize(input, INPUT_SIZE)));
    }

    /** Builds the net from the weights of {@code face_recognition_model}. */
    public static FaceRecognitionNet create(
            io.dlkit.backend.runtime.GraphContext graph, NamedTensors weights) {
        return new FaceRecognitionNet(new NetOps(graph, weights));
    }

    /** The descriptor of a face crop (any size; it is padded to a square and resized here). */
    public float[] describe(FaceImage face) {
        FaceImage square = face.padToSquare(true);
        try (TFloat32 x = square.toTensor();
                Result r = ops.graph().session().runner().feed(input, x).fetch(output).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    private Operand<TFloat32> build(Operand<TFloat32> x) {
        Operand<TFloat32> out = convLayer(x, "conv32_down", 7, 3, 32, 2, true);
        out = ops.maxPool(out, 3, 2);
        out = residual(out, "conv32_1", 32);
        out = residual(out, "conv32_2", 32);
        out = residual(out, "conv32_3", 32);
        out = residualDown(out, "conv64_down", 32, 64);
        out = residual(out, "conv64_1", 64);
        out = residual(out, "conv64_2", 64);
        out = residual(out, "conv64_3", 64);
        out = residualDown(out, "conv128_down", 64, 128);
        out = residual(out, "conv128_1", 128);
        out = residual(out, "conv128_2", 128);
        out = residualDown(out, "conv256_down", 128, 256);
        out = residual(out, "conv256_1", 256);
        out = residual(out, "conv256_2", 256);
        out = residualDown(out, "conv256_down_out", 256, 256);
        Operand<TFloat32> pooled = ops.tf().math.mean(out, ops.tf().constant(new int[] {1, 2}));
        return ops.tf().linalg.matMul(pooled, ops.weight("fc", 256, DESCRIPTOR_SIZE));
    }

    private Operand<TFloat32> convLayer(
            Operand<TFloat32> x,
            String prefix,
            int k,
            long in,
            long out,
            int stride,
            boolean relu) {
        Operand<TFloat32> kernel = ops.weight(prefix + "/conv/filters", k, k, in, out);
        Operand<TFloat32> y = ops.conv(x, kernel, stride, stride == 1 ? "SAME" : "VALID");
        y = ops.tf().math.add(y, ops.weight(prefix + "/conv/bias", out));
        y = ops.tf().math.mul(y, ops.weight(prefix + "/scale/weights", out));
        y = ops.tf().math.add(y, ops.weight(prefix + "/scale/biases", out));
        return relu ? ops.tf().nn.relu(y) : y;
    }

    private Operand<TFloat32> residual(Operand<TFloat32> x, String prefix, long c) {
        Operand<TFloat32> out = convLayer(x, prefix + "/conv1", 3, c, c, 1, true);
        out = convLayer(out, prefix + "/conv2", 3, c, c, 1, false);
        return ops.tf().nn.relu(ops.tf().math.add(out, x));
    }

    private Operand<TFloat32> residualDown(Operand<TFloat32> x, String prefix, long in, long c) {
        Operand<TFloat32> out = convLayer(x, prefix + "/conv1", 3, in, c, 2, true);
        out = convLayer(out, prefix + "/conv2", 3, c, c, 1, false);
        Operand<TFloat32> pooled = ops.avgPool(x, 2, 2);
        long outSide = out.shape().get(1);
        long pooledSide = pooled.shape().get(1);
        if (pooledSide != outSide) {
            // face-api appends a zero row and a zero column to the convolution's output
            int extra = (int) (pooledSide - outSide);
            out =
                    ops.tf()
                            .pad(
                                    out,
                                    ops.tf()
                                            .constant(
                                                    new int[][] {
                                                        {0, 0}, {0, extra}, {0, extra}, {0, 0}
                                                    }),
                                    ops.tf().constant(0f));
        }
        if (in != c) {
            // and zero channels to the pooled input
            pooled =
                    ops.tf()
                            .pad(
                                    pooled,
                                    ops.tf()
                                            .constant(
                                                    new int[][] {
                                                        {0, 0}, {0, 0}, {0, 0}, {0, (int) (c - in)}
                                                    }),
                                    ops.tf().constant(0f));
        }
        return ops.tf().nn.relu(ops.tf().math.add(pooled, out));
    }
}
