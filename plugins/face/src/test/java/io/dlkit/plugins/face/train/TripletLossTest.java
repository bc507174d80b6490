package io.dlkit.plugins.face.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.nn.Model;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.backend.train.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** The triplet loss with in-batch semi-hard negatives, against values worked out by hand. */
class TripletLossTest {
    // Four unit vectors, identities 0, 0, 1, 1. Squared distances:
    // d01 = 2, d02 = 0.4^2 + 0.8^2 = 0.8, d03 = 1.8^2 + 0.6^2 = 3.6,
    // d12 = 0.6^2 + 0.2^2 = 0.4, d13 = 0.8^2 + 1.6^2 = 3.2, d23 = 1.4^2 + 1.4^2 = 3.92.
    private static final float[] F = {1, 0, 0, 1, 0.6f, 0.8f, -0.8f, -0.6f};
    private static final float[] Y = {0, 0, 1, 1};

    private GraphContext graph;
    private Placeholder<TFloat32> f;
    private Objective.Loss built;

    @BeforeEach
    void build() {
        graph = GraphContext.create(DeviceRequest.CPU, 1, 0);
        f = graph.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
        built =
                new TripletLoss()
                        .build(
                                graph,
                                new Objective.Inputs(
                                        Map.of("output", new Model.Forward(f, f, "linear")),
                                        Map.of("targets", graph.tf().constant(Y))));
    }

    @AfterEach
    void close() {
        graph.close();
    }

    @Test
    void should_equal_the_hand_computed_semi_hard_loss_of_four_faces() {
        // (a=0, p=1): D_ap = 2; negatives of 0 at 0.8 and 3.6; the semi-hard one is 3.6 (the
        //   closest farther than 2; the hardest, 0.8, would give 1.4): max(2 - 3.6 + 0.2, 0) = 0
        // (a=1, p=0): D_ap = 2; negatives 0.4 and 3.2 -> 3.2: max(2 - 3.2 + 0.2, 0) = 0
        // (a=2, p=3): D_ap = 3.92; negatives 0.8 and 0.4, none farther -> the largest, 0.8:
        //   3.92 - 0.8 + 0.2 = 3.32
        // (a=3, p=2): D_ap = 3.92; negatives 3.6 and 3.2, none farther -> 3.6: 0.52
        // mean over the four pairs: (0 + 0 + 3.32 + 0.52) / 4 = 0.96; active: 2 of 4
        double[] v = run(F);
        assertThat(v[0]).isCloseTo(0.96, within(1e-5));
        assertThat(v[1]).isCloseTo(0.5, within(1e-6));
    }

    @Test
    void should_match_the_formula_of_each_explicit_triplet() {
        // the per-pair terms above, from max(||a - p||^2 - ||a - n||^2 + alpha, 0)
        float[][] e = {{1, 0}, {0, 1}, {0.6f, 0.8f}, {-0.8f, -0.6f}};
        assertThat(TripletLoss.of(e[2], e[3], e[0], 0.2)).isCloseTo(3.32, within(1e-6));
        assertThat(TripletLoss.of(e[3], e[2], e[0], 0.2)).isCloseTo(0.52, within(1e-6));
        assertThat(TripletLoss.of(e[0], e[1], e[3], 0.2)).isZero();
        assertThat(TripletLoss.of(e[0], e[1], e[2], 0.2)).isCloseTo(1.4, within(1e-6));
    }

    @Test
    void should_be_zero_when_every_identity_is_far_apart() {
        // identity 0 at (1, 0) twice, identity 1 at (-1, 0) twice: D_ap = 0, D_an = 4
        double[] v = run(new float[] {1, 0, 1, 0, -1, 0, -1, 0});
        assertThat(v[0]).isZero();
        assertThat(v[1]).isZero();
    }

    @Test
    void should_have_a_gradient_that_matches_finite_differences() {
        float[] at = {0.9f, 0.1f, 0.2f, 0.95f, 0.5f, 0.7f, -0.7f, -0.5f};
        var g = graph.tf().gradients(built.loss(), List.of(f));
        float[] analytic;
        try (TFloat32 t = Tensors.floats(at, 4, 2);
                Result r = graph.session().runner().feed(f, t).fetch(g.dy(0)).run()) {
            analytic = Tensors.toFloats(r.get(0));
        }
        for (int i = 0; i < at.length; i++) {
            float[] up = at.clone();
            float[] down = at.clone();
            up[i] += 1e-3f;
            down[i] -= 1e-3f;
            double numeric = (run(up)[0] - run(down)[0]) / 2e-3;
            assertThat(analytic[i]).as("dL/df[%d]", i).isCloseTo((float) numeric, within(2e-3f));
        }
    }

    private double[] run(float[] values) {
        try (TFloat32 t = Tensors.floats(values, values.length / 2, 2);
                Result r =
                        graph.session()
                                .runner()
                                .feed(f, t)
                                .fetch(built.loss())
                                .fetch(built.metrics().get("active_triplets"))
                                .run()) {
            return new double[] {Tensors.toFloat(r.get(0)), Tensors.toFloat(r.get(1))};
        }
    }
}
