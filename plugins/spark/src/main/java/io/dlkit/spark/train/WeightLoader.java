package io.dlkit.spark.train;

import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.family.TType;

/**
 * Writes {@link Weights} into a graph's variables: one placeholder and one assign per variable,
 * built once when the loader is made (never per round), all run in one session call.
 */
final class WeightLoader {
    private final GraphContext g;
    private final List<String> names = new ArrayList<>();
    private final List<Placeholder<?>> feeds = new ArrayList<>();
    private final List<Op> assigns = new ArrayList<>();

    WeightLoader(GraphContext g) {
        this.g = g;
        Ops tf = g.tf();
        for (WeightVariable<?> v : g.variables()) add(tf, v);
    }

    private <T extends TType> void add(Ops tf, WeightVariable<T> v) {
        Operand<T> var = v.variable();
        Placeholder<T> p =
                tf.withName(v.name() + "_averaged")
                        .placeholder(var.type(), Placeholder.shape(var.shape()));
        names.add(v.name());
        feeds.add(p);
        assigns.add(tf.withName(v.name() + "_load").assign(var, p));
    }

    /** Sets every variable to its value in {@code w} (the same variables, by name and order). */
    void load(Weights w) {
        if (!w.names().equals(names)) {
            throw new IllegalArgumentException(
                    "the weights hold " + w.names() + " but the graph has " + names);
        }
        List<Tensor> open = new ArrayList<>();
        try {
            Session.Runner r = g.session().runner();
            for (int i = 0; i < names.size(); i++) {
                Tensor t = tensor(w.values(i), w.shape(i));
                open.add(t);
                r.feed(feeds.get(i), t);
                r.addTarget(assigns.get(i));
            }
            r.run();
        } finally {
            open.forEach(Tensor::close);
        }
    }

    private static Tensor tensor(Object values, long[] shape) {
        if (values instanceof float[] f) return Tensors.floats(f, shape);
        if (values instanceof long[] l) return Tensors.longs(l, shape);
        return Tensors.ints((int[]) values, shape);
    }
}
