package io.dlkit.plugins.cnnzoo.keras;

import io.dlkit.backend.io.NdArray;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.plugins.cnnzoo.keras.KerasFixtures.KLayer;
import io.dlkit.testkit.TensorAsserts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The two sides of an import test: the dlkit model with the imported weights, and the Keras
 * computation written out with plain TensorFlow ops from the arrays the Keras file was written from
 * (Keras's formulas: {@code Conv2D} = conv + bias, {@code BatchNormalization} at inference = {@code
 * gamma (x - mean) / sqrt(var + eps) + beta}), sharing no code with the import.
 */
final class Forward {
    private Forward() {}

    /** The output of the dlkit model {@code config} with {@code weights} assigned, on {@code x}. */
    static float[] imported(Map<String, Object> config, Map<String, NdArray> weights, NdArray x) {
        Sequential model = Sequential.fromConfig(config);
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Ops tf = g.tf();
            Operand<TFloat32> out = model.forward(g, constant(tf, x), tf.constant(false)).output();
            List<Op> assigns = new ArrayList<>();
            for (WeightVariable<TFloat32> v : model.variables()) {
                assigns.add(tf.assign(v.variable(), constant(tf, weights.get(v.name()))));
            }
            var init = g.session().runner();
            assigns.forEach(init::addTarget);
            init.run();
            try (Result r = g.session().runner().fetch(out).run()) {
                return Tensors.toFloats(r.get(0));
            }
        }
    }

    /** The Keras computation {@code keras} builds on the input, run on a fresh graph. */
    static float[] reference(Function<Keras, Operand<TFloat32>> keras) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            Operand<TFloat32> out = keras.apply(new Keras(g.tf()));
            try (Result r = g.session().runner().fetch(out).run()) {
                return Tensors.toFloats(r.get(0));
            }
        }
    }

    /**
     * Asserts {@code |got - expected| <= tolerance * max|expected|} element-wise: float32 round-off
     * through 50 layers grows with the activations, which reach the hundreds in a deep random net.
     */
    static void assertCloseToScale(float[] got, float[] expected, double tolerance) {
        double scale = 0;
        for (float e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        float[] g = new float[got.length];
        float[] e = new float[expected.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = (float) (expected[i] / scale);
        }
        for (int i = 0; i < g.length; i++) {
            g[i] = (float) (got[i] / scale);
        }
        TensorAsserts.assertAllClose(g, e, tolerance);
    }

    static Operand<TFloat32> constant(Ops tf, NdArray a) {
        return tf.constant(Shape.of(a.shape()), DataBuffers.of(a.floats(), true, false));
    }

    /** Keras layers as TensorFlow ops, NHWC. */
    static final class Keras {
        final Ops tf;

        Keras(Ops tf) {
            this.tf = tf;
        }

        Operand<TFloat32> input(NdArray x) {
            return constant(tf, x);
        }

        /** {@code Conv2D(strides=s, padding=...)}: {@code conv(x, kernel) + bias}. */
        Operand<TFloat32> conv(Operand<TFloat32> x, KLayer layer, int s, String padding) {
            Operand<TFloat32> z =
                    tf.nn.conv2d(
                            x,
                            constant(tf, layer.w(0)),
                            List.of(1L, (long) s, (long) s, 1L),
                            padding);
            return tf.nn.biasAdd(z, constant(tf, layer.w(1)));
        }

        /** {@code BatchNormalization(epsilon=eps)} at inference. */
        Operand<TFloat32> batchNorm(Operand<TFloat32> x, KLayer layer, double eps) {
            Operand<TFloat32> invStd =
                    tf.math.rsqrt(tf.math.add(constant(tf, layer.w(3)), tf.constant((float) eps)));
            Operand<TFloat32> norm = tf.math.mul(tf.math.sub(x, constant(tf, layer.w(2))), invStd);
            return tf.math.add(
                    tf.math.mul(norm, constant(tf, layer.w(0))), constant(tf, layer.w(1)));
        }

        Operand<TFloat32> relu(Operand<TFloat32> x) {
            return tf.nn.relu(x);
        }

        /** {@code MaxPooling2D(k, strides=s)}, valid padding. */
        Operand<TFloat32> maxPool(Operand<TFloat32> x, int k, int s, String padding) {
            Operand<TInt32> size = tf.constant(new int[] {1, k, k, 1});
            Operand<TInt32> strides = tf.constant(new int[] {1, s, s, 1});
            return tf.nn.maxPool(x, size, strides, padding);
        }

        /** {@code ZeroPadding2D(p)}. */
        Operand<TFloat32> pad(Operand<TFloat32> x, int p) {
            int[][] pads = {{0, 0}, {p, p}, {p, p}, {0, 0}};
            return tf.pad(x, tf.constant(pads), tf.constant(0f));
        }

        /** {@code Flatten()}: row-major over (H, W, C). */
        Operand<TFloat32> flatten(Operand<TFloat32> x, long features) {
            return tf.reshape(x, tf.constant(new long[] {-1, features}));
        }

        /** {@code GlobalAveragePooling2D()}. */
        Operand<TFloat32> globalAvgPool(Operand<TFloat32> x) {
            return tf.math.mean(x, tf.constant(new int[] {1, 2}));
        }

        /** {@code Dense}: {@code x kernel + bias}. */
        Operand<TFloat32> dense(Operand<TFloat32> x, KLayer layer) {
            return tf.nn.biasAdd(
                    tf.linalg.matMul(x, constant(tf, layer.w(0))), constant(tf, layer.w(1)));
        }

        Operand<TFloat32> softmax(Operand<TFloat32> x) {
            return tf.nn.softmax(x);
        }

        Operand<TFloat32> add(Operand<TFloat32> a, Operand<TFloat32> b) {
            return tf.math.add(a, b);
        }
    }
}
