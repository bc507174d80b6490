package io.dlkit.plugins.cnnzoo;

import io.dlkit.backend.nn.ModelSummary;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import java.util.function.Function;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Builds a model's forward graph (nothing runs) and reads what the test needs from it. */
final class Graphs {
    private Graphs() {}

    /** The summary of {@code model} built on a {@code [batch, input...]} placeholder. */
    static ModelSummary summary(Sequential model) {
        return built(model, m -> ModelSummary.of(m));
    }

    /** Builds {@code model} in a fresh CPU graph and applies {@code read} before closing it. */
    static <T> T built(Sequential model, Function<Sequential, T> read) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            long[] dims = new long[model.inputShape().length + 1];
            dims[0] = -1;
            System.arraycopy(model.inputShape(), 0, dims, 1, dims.length - 1);
            Placeholder<TFloat32> x =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(dims)));
            model.forward(g, x, g.tf().constant(false));
            return read.apply(model);
        }
    }
}
