package io.dlkit.plugins.nst;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.Optimizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** A tiny random conv net (two 3x3 tanh convolutions) as a loss network for tests. */
final class TinyNetworks {
    private TinyNetworks() {}

    static LossNetwork build(GraphContext g, int height, int width, long seed) {
        Ops tf = g.tf();
        Random r = new Random(seed);
        Placeholder<TFloat32> pixels =
                tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, height, width, 3)));
        Operand<TFloat32> x = tf.math.mul(pixels, tf.constant(1f / 64f));
        Operand<TFloat32> c1 = tf.math.tanh(conv(tf, x, 3, 4, r));
        Operand<TFloat32> c2 = tf.math.tanh(conv(tf, c1, 4, 5, r));
        Map<String, Operand<TFloat32>> layers = new LinkedHashMap<>();
        layers.put("conv1", c1);
        layers.put("conv2", c2);
        layers.put("flat", tf.reshape(c2, tf.constant(new long[] {1, -1})));
        return new LossNetwork("tiny", pixels.output(), layers, "conv2", List.of("conv1", "conv2"));
    }

    /**
     * A transfer of one style image (blend weight 1) at {@code height x width} on the tiny net with
     * seed 3; {@code optimizer} may be null when the test only evaluates costs.
     */
    static StyleTransfer transfer(
            GraphContext g,
            int height,
            int width,
            StyleSettings settings,
            float[] content,
            float[] style,
            Optimizer optimizer) {
        StyleGraph graph = new StyleGraph(g, build(g, height, width, 3), settings);
        return new StyleTransfer(
                g, graph, content, List.of(style), new float[] {1f}, height, width, optimizer);
    }

    private static Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, int in, int out, Random r) {
        float[] k = new float[9 * in * out];
        for (int i = 0; i < k.length; i++) k[i] = (float) r.nextGaussian() * 0.5f;
        Operand<TFloat32> kernel =
                tf.constant(Shape.of(3, 3, in, out), DataBuffers.of(k, true, false));
        return tf.nn.conv2d(x, kernel, List.of(1L, 1L, 1L, 1L), "SAME");
    }
}
