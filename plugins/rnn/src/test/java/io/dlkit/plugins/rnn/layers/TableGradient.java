package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/** The gradient of {@code sum(r * y)} with respect to an embedding's table, for one sample. */
final class TableGradient {
    private TableGradient() {}

    static float[] of(EmbeddingLayer layer, float[] ids, float[] r) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            var tf = g.tf();
            long[] out = layer.build(g, new long[] {ids.length});
            Operand<TFloat32> y =
                    layer.call(g, tf.constant(new float[][] {ids}), tf.constant(false));
            Operand<TFloat32> loss =
                    tf.sum(
                            tf.math.mul(
                                    y,
                                    tf.reshape(
                                            tf.constant(r),
                                            tf.constant(new long[] {1, out[0], out[1]}))),
                            tf.constant(new int[] {0, 1, 2}));
            Gradients grad =
                    tf.gradients(loss, java.util.List.of(layer.variables().get(0).variable()));
            try (Result res = g.session().runner().fetch(grad.dy(0)).run()) {
                return Tensors.toFloats(res.get(0));
            }
        }
    }
}
