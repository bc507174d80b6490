package io.dlkit.plugins.face.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.TrainingGraph;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/** Runs a training graph's model forward in inference mode. */
public final class Embeddings {
    private Embeddings() {}

    /**
     * The outputs for {@code rows} inputs {@code x} (row-major), the graph's {@code training}
     * false.
     */
    public static float[] run(GraphContext g, TrainingGraph tg, float[] x, int rows) {
        long[] shape = tg.x.shape().asArray();
        shape[0] = rows;
        try (TFloat32 t = Tensors.floats(x, shape);
                Result r = g.session().runner().feed(tg.x, t).fetch(tg.output).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }
}
