package io.dlkit.plugins.rnn.layers;

import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Runs a layer on one batch with its weights fed (variables' reads), for reference checks. */
final class FixedWeights {
    private FixedWeights() {}

    /**
     * The layer's output for {@code x} of {@code [batch, inputShape...]} with the trainable
     * variables (in {@link Layer#variables()} order) set to {@code weights}.
     */
    static float[] run(Layer layer, long[] inputShape, int batch, float[] x, float[]... weights) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            long[] dims = new long[inputShape.length + 1];
            dims[0] = batch;
            System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
            var in = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
            layer.build(g, inputShape);
            Operand<TFloat32> y = layer.call(g, in, g.tf().constant(false));
            List<Tensor> open = new ArrayList<>();
            Session.Runner r = g.session().runner();
            TFloat32 xt = Tensors.floats(x, dims);
            open.add(xt);
            r.feed(in, xt);
            List<WeightVariable<TFloat32>> vars = layer.variables();
            for (int i = 0; i < weights.length; i++) {
                Operand<TFloat32> read = vars.get(i).read();
                TFloat32 t = Tensors.floats(weights[i], read.shape().asArray());
                open.add(t);
                r.feed(read, t);
            }
            try (Result res = r.fetch(y).run()) {
                return Tensors.toFloats(res.get(0));
            } finally {
                open.forEach(Tensor::close);
            }
        }
    }

    /** {@code n} values from a fixed sine pattern in [-scale, scale]. */
    static float[] pattern(int n, double phase, double scale) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (scale * Math.sin(1.3 * i + phase));
        return f;
    }
}
