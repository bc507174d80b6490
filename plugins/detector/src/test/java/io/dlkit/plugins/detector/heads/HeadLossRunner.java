package io.dlkit.plugins.detector.heads;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Objective;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Builds an objective on placeholders and evaluates its loss and metrics for given arrays. */
final class HeadLossRunner {
    private HeadLossRunner() {}

    /**
     * The loss followed by the metrics in declared order.
     *
     * @param extra extra targets by name, each {@code [rows, width]}
     */
    static double[] evaluate(
            Objective objective,
            float[] output,
            float[] targets,
            int rows,
            Map<String, float[]> extra) {
        int width = output.length / rows;
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            var out = g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
            Map<String, org.tensorflow.Operand<?>> feeds = new LinkedHashMap<>();
            feeds.put("targets", g.tf().withName("targets").placeholder(TFloat32.class));
            for (String name : extra.keySet())
                feeds.put(name, g.tf().withName(name).placeholder(TFloat32.class));
            Objective.Loss loss =
                    objective.build(
                            g,
                            new Objective.Inputs(
                                    Map.of("output", new Model.Forward(out, out, "linear")),
                                    feeds));
            try (var o = Tensors.floats(output, rows, width);
                    var t = Tensors.floats(targets, rows, targets.length / rows)) {
                Session.Runner runner = g.session().runner().feed(out, o).feed("targets", t);
                java.util.List<TFloat32> open = new java.util.ArrayList<>();
                for (var e : extra.entrySet()) {
                    TFloat32 v = Tensors.floats(e.getValue(), rows, e.getValue().length / rows);
                    open.add(v);
                    runner.feed(e.getKey(), v);
                }
                runner.fetch(loss.loss());
                loss.metrics().values().forEach(runner::fetch);
                try (Result r = runner.run()) {
                    double[] v = new double[1 + loss.metrics().size()];
                    for (int i = 0; i < v.length; i++) v[i] = Tensors.toFloat(r.get(i));
                    return v;
                } finally {
                    open.forEach(TFloat32::close);
                }
            }
        }
    }
}
