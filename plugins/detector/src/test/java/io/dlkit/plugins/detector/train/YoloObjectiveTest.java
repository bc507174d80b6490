package io.dlkit.plugins.detector.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

class YoloObjectiveTest {
    // one image, a 1x1 grid, two anchors, two classes: rows (tx, ty, tw, th, to, l1, l2)
    static final float LN3 = (float) Math.log(3);
    static final float[] OUTPUT = {
        0, 0, 0.5f, -0.5f, 0, 0, LN3, 0.7f, -0.2f, 0.3f, 0.1f, (float) -LN3, 1, 2
    };
    static final float[] TARGET = {0.25f, 0.75f, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0};
    static final float[] MASK = {1, 0};

    @Test
    void should_give_the_hand_computed_yolov2_loss() {
        // given: anchor 0 holds a box, anchor 1 none. By hand, with Darknet's scales 1, 5, 1, 1:
        //   coord = (sig(0) - 0.25)^2 + (sig(0) - 0.75)^2 + (0.5 - 0)^2 + (-0.5 - 0)^2 = 0.625
        //   obj   = 5 (sig(0) - 1)^2 = 1.25
        //   class = (softmax(0, ln 3) - (1, 0))^2 summed = (0.25 - 1)^2 + 0.75^2 = 1.125
        //   noobj = sig(-ln 3)^2 = 0.25^2 = 0.0625     total 3.0625
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            var out =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, 1, 2, 7)));
            Objective.Loss loss = build(g, out);
            // when
            double[] v = run(g, out, loss, OUTPUT);
            // then
            assertThat(v[0]).isCloseTo(3.0625, within(1e-6));
            assertThat(new double[] {v[1], v[2], v[3], v[4]})
                    .containsExactly(new double[] {0.625, 1.25, 0.0625, 1.125}, within(1e-6));
        }
    }

    @Test
    void should_have_gradients_that_match_finite_differences() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 0)) {
            var out =
                    g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1, 1, 2, 7)));
            Objective.Loss loss = build(g, out);
            var grad = g.tf().gradients(loss.loss(), List.of(out));
            float[] analytic;
            try (var t = Tensors.floats(OUTPUT, 1, 1, 1, 2, 7);
                    var mask = Tensors.floats(MASK, 1, 1, 1, 2);
                    var target = Tensors.floats(TARGET, 1, 1, 1, 2, 7);
                    Result r =
                            g.session()
                                    .runner()
                                    .feed(out, t)
                                    .feed("yolo_target", target)
                                    .feed("yolo_mask", mask)
                                    .fetch(grad.dy(0))
                                    .run()) {
                analytic = Tensors.toFloats(r.get(0));
            }
            for (int i = 0; i < OUTPUT.length; i++) {
                float[] plus = OUTPUT.clone();
                float[] minus = OUTPUT.clone();
                plus[i] += 1e-2f;
                minus[i] -= 1e-2f;
                double numeric = (run(g, out, loss, plus)[0] - run(g, out, loss, minus)[0]) / 2e-2;
                assertThat((double) analytic[i])
                        .as("d/d out[%d]", i)
                        .isCloseTo(numeric, within(2e-3));
            }
        }
    }

    private static Objective.Loss build(GraphContext g, Operand<TFloat32> out) {
        YoloObjective o = new YoloObjective(1, 2, 2, YoloObjective.Scales.DARKNET);
        var target = g.tf().withName("yolo_target").placeholder(TFloat32.class);
        var mask = g.tf().withName("yolo_mask").placeholder(TFloat32.class);
        return o.build(
                g,
                new Objective.Inputs(
                        Map.of("output", new Model.Forward(out, out, "linear")),
                        Map.of(YoloObjective.TARGET, target, YoloObjective.MASK, mask)));
    }

    private static double[] run(
            GraphContext g, Operand<TFloat32> out, Objective.Loss loss, float[] x) {
        try (var t = Tensors.floats(x, 1, 1, 1, 2, 7);
                var mask = Tensors.floats(MASK, 1, 1, 1, 2);
                var target = Tensors.floats(TARGET, 1, 1, 1, 2, 7)) {
            var runner =
                    g.session()
                            .runner()
                            .feed(out, t)
                            .feed("yolo_target", target)
                            .feed("yolo_mask", mask);
            runner.fetch(loss.loss());
            loss.metrics().values().forEach(runner::fetch);
            try (Result r = runner.run()) {
                double[] v = new double[5];
                for (int i = 0; i < 5; i++) v[i] = Tensors.toFloat(r.get(i));
                return v;
            }
        }
    }
}
