package io.dlkit.spark.train;

import static java.util.Objects.requireNonNull;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The values of every variable of a graph (weights, optimizer slots, step and seed counters), in
 * the graph's creation order: what the driver broadcasts to the workers at the start of a round and
 * what each worker sends back at its end. Serializable, so Spark can ship it.
 */
public final class Weights implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final List<long[]> shapes;
    private final List<Object> values; // float[], long[] or int[]

    Weights(List<String> names, List<long[]> shapes, List<Object> values) {
        this.names = List.copyOf(names);
        this.shapes = List.copyOf(shapes);
        this.values = List.copyOf(values);
    }

    /** Reads every variable of {@code g} in one session run. */
    public static Weights read(GraphContext g) {
        List<WeightVariable<?>> vars = g.variables();
        Session.Runner r = g.session().runner();
        vars.forEach(v -> r.fetch(v.read()));
        List<String> names = new ArrayList<>();
        List<long[]> shapes = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        try (Result res = r.run()) {
            for (int i = 0; i < vars.size(); i++) {
                Tensor t = res.get(i);
                names.add(vars.get(i).name());
                shapes.add(t.shape().asArray());
                values.add(copy(t, vars.get(i).name()));
            }
        }
        return new Weights(names, shapes, values);
    }

    private static Object copy(Tensor t, String name) {
        int n = Math.toIntExact(t.shape().size());
        if (t instanceof TFloat32) {
            float[] out = new float[n];
            t.asRawTensor().data().asFloats().read(out);
            return out;
        }
        if (t instanceof TInt64) {
            long[] out = new long[n];
            t.asRawTensor().data().asLongs().read(out);
            return out;
        }
        if (t instanceof TInt32) {
            int[] out = new int[n];
            t.asRawTensor().data().asInts().read(out);
            return out;
        }
        throw new IllegalArgumentException(
                "variable '"
                        + name
                        + "' is "
                        + t.dataType()
                        + "; averaging takes float32, int32 and int64");
    }

    /** The variable names, in creation order. */
    public List<String> names() {
        return names;
    }

    /** The number of variables. */
    public int size() {
        return names.size();
    }

    /** Variable {@code i}'s shape. */
    long[] shape(int i) {
        return shapes.get(i).clone();
    }

    /** Variable {@code i}'s values: a float[], long[] or int[] (not a copy: do not change it). */
    Object values(int i) {
        return values.get(i);
    }

    /** The float values of the variable named {@code name}. */
    public float[] floats(String name) {
        int i = names.indexOf(requireNonNull(name, "name is null"));
        if (i < 0) throw new IllegalArgumentException("no variable '" + name + "'");
        return ((float[]) values.get(i)).clone();
    }
}
