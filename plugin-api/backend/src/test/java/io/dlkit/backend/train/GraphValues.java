package io.dlkit.backend.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Reads and sets variables of a graph in tests. */
final class GraphValues {
    private GraphValues() {}

    /** The current value of a float variable, row-major. */
    static float[] fetch(GraphContext g, WeightVariable<TFloat32> v) {
        try (Result r = g.session().runner().fetch(v.read()).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    /** The current value of the float variable named {@code name}. */
    @SuppressWarnings("unchecked")
    static float[] fetch(GraphContext g, String name) {
        return fetch(g, (WeightVariable<TFloat32>) variable(g, name));
    }

    /** Sets a float variable to {@code values} (row-major, its own shape). */
    @SuppressWarnings("unchecked")
    static void assign(GraphContext g, String name, float... values) {
        WeightVariable<TFloat32> v = (WeightVariable<TFloat32>) variable(g, name);
        Ops tf = g.tf();
        var value = tf.constant(v.variable().shape(), DataBuffers.of(values, true, false));
        try (Result r = g.session().runner().addTarget(tf.assign(v.variable(), value)).run()) {
            // nothing to fetch: the assignment is the point
        }
    }

    /**
     * Every variable of the graph (weights, optimizer slots, batch-norm statistics, dropout seed
     * counters) as the hex of its raw bytes, by name: equal snapshots are bit-for-bit equal.
     */
    static Map<String, String> snapshot(GraphContext g) {
        Map<String, String> out = new TreeMap<>();
        for (WeightVariable<?> v : g.variables()) {
            try (Result r = g.session().runner().fetch(v.read()).run()) {
                ByteDataBuffer data = r.get(0).asRawTensor().data();
                byte[] bytes = new byte[Math.toIntExact(data.size())];
                data.read(bytes);
                out.put(v.name(), HexFormat.of().formatHex(bytes));
            }
        }
        return out;
    }

    private static WeightVariable<?> variable(GraphContext g, String name) {
        return g.variables().stream()
                .filter(v -> v.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable " + name));
    }
}
