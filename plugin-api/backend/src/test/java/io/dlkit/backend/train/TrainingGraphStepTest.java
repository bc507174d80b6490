package io.dlkit.backend.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.data.Dataset;
import io.dlkit.backend.nn.DenseLayer;
import io.dlkit.backend.nn.Sequential;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.train.schedule.ConstantSchedule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One optimizer step of the training graph against the notes' formulas, computed by hand in double:
 * the L2 cost {@code (1/m)(lambda/2) sum ||W||^2} (kernels only) with its gradient {@code
 * (lambda/m) W}, and back-propagation through two layers. A float32 step agrees to about 1e-7; a
 * wrong formula is off by 1e-2 or more.
 */
class TrainingGraphStepTest {
    private static final long SEED = 11;
    // m = 4 samples of 2 features, all in one batch
    private static final float[] X = {1, 2, -1, 0.5f, 0.5f, -1, 2, 1};
    private static final float[] Y = {1, -2, 0.5f, 3};
    private static final Dataset TRAIN = Dataset.ofTargets(X, new long[] {2}, Y, 1);
    private static final int M = 4;

    @Test
    void should_report_the_l2_cost_of_the_kernels_from_the_weights_of_each_step() {
        // given: two layers with biases; lambda = 0.7
        double lambda = 0.7;
        List<float[]> kernels = new ArrayList<>();
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(
                                DenseLayer.builder()
                                        .setUnits(3)
                                        .optName("a")
                                        .optActivation("tanh")
                                        .build())
                        .add(DenseLayer.builder().setUnits(1).optName("b").build())
                        .build();
        Consumer<GraphContext> readKernels =
                g -> {
                    kernels.add(GraphValues.fetch(g, "a_kernel"));
                    kernels.add(GraphValues.fetch(g, "b_kernel"));
                };
        // when: two epochs of one step; the kernels are read before each
        List<EpochMetrics> history = train(model, lambda, 0.1, 2, readKernels, readKernels);
        // then: each step's l2 is from the weights it started from; the biases (non-zero after
        // the first step) are not penalised
        for (int e = 0; e < 2; e++) {
            double sum = sumOfSquares(kernels.get(2 * e)) + sumOfSquares(kernels.get(2 * e + 1));
            double expected = (1.0 / M) * (lambda / 2) * sum;
            assertThat(history.get(e).l2()).isCloseTo(expected, within(1e-6 * expected));
        }
        assertThat(kernels.get(2)).isNotEqualTo(kernels.get(0));
    }

    @Test
    void should_step_to_w_minus_alpha_times_the_data_gradient_plus_lambda_over_m_w() {
        // given: y^ = X w (no bias), J = (1/m) sum r_i^2 + (1/m)(lambda/2) ||w||^2, r = X w - y
        double lambda = 0.5;
        double alpha = 0.1;
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(
                                DenseLayer.builder()
                                        .setUnits(1)
                                        .optName("lin")
                                        .optUseBias(false)
                                        .build())
                        .build();
        float[][] w = new float[2][];
        // when
        train(
                model,
                lambda,
                alpha,
                1,
                g -> w[0] = GraphValues.fetch(g, "lin_kernel"),
                g -> w[1] = GraphValues.fetch(g, "lin_kernel"));
        // then: dJ/dw_j = (2/m) sum_i r_i x_ij + (lambda/m) w_j
        for (int j = 0; j < 2; j++) {
            double grad = 0;
            for (int i = 0; i < M; i++) {
                double r = X[2 * i] * w[0][0] + X[2 * i + 1] * w[0][1] - Y[i];
                grad += 2.0 / M * r * X[2 * i + j];
            }
            double expected = w[0][j] - alpha * (grad + lambda / M * w[0][j]);
            assertThat(w[1][j]).as("w[%d]", j).isCloseTo((float) expected, within(1e-6f));
        }
    }

    @Test
    void should_back_propagate_through_the_weights_as_they_were_before_the_step() {
        // given: A = X Wa, y^ = A Wb (no biases, no activation) with weights set by hand;
        // the upper layer's update must not leak into the lower layer's gradient dA = dy^ Wb^T
        double alpha = 0.1;
        double[][] wa = {{0.5, -1}, {1, 0.25}};
        double[] wb = {2, -1};
        Sequential model =
                Sequential.builder()
                        .input(2)
                        .add(
                                DenseLayer.builder()
                                        .setUnits(2)
                                        .optName("a")
                                        .optUseBias(false)
                                        .build())
                        .add(
                                DenseLayer.builder()
                                        .setUnits(1)
                                        .optName("b")
                                        .optUseBias(false)
                                        .build())
                        .build();
        float[][] after = new float[2][];
        // when
        train(
                model,
                0,
                alpha,
                1,
                g -> {
                    GraphValues.assign(g, "a_kernel", 0.5f, -1, 1, 0.25f);
                    GraphValues.assign(g, "b_kernel", 2, -1);
                },
                g -> {
                    after[0] = GraphValues.fetch(g, "a_kernel");
                    after[1] = GraphValues.fetch(g, "b_kernel");
                });
        // then: dy^_i = 2 r_i / m, dWb = A^T dy^, dA = dy^ Wb^T, dWa = X^T dA
        double[][] dWa = new double[2][2];
        double[] dWb = new double[2];
        for (int i = 0; i < M; i++) {
            double[] a = new double[2];
            for (int k = 0; k < 2; k++) a[k] = X[2 * i] * wa[0][k] + X[2 * i + 1] * wa[1][k];
            double dy = 2.0 / M * (a[0] * wb[0] + a[1] * wb[1] - Y[i]);
            for (int k = 0; k < 2; k++) {
                dWb[k] += a[k] * dy;
                for (int j = 0; j < 2; j++) dWa[j][k] += X[2 * i + j] * dy * wb[k];
            }
        }
        for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
                assertThat(after[0][2 * j + k])
                        .as("Wa[%d][%d]", j, k)
                        .isCloseTo((float) (wa[j][k] - alpha * dWa[j][k]), within(1e-5f));
            }
        }
        for (int k = 0; k < 2; k++) {
            assertThat(after[1][k])
                    .as("Wb[%d]", k)
                    .isCloseTo((float) (wb[k] - alpha * dWb[k]), within(1e-5f));
        }
    }

    /**
     * Trains with plain gradient descent, full batch; {@code before} and {@code afterEach} run on
     * the graph.
     */
    private static List<EpochMetrics> train(
            Sequential model,
            double lambda,
            double alpha,
            int epochs,
            Consumer<GraphContext> before,
            Consumer<GraphContext> afterEach) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, SEED)) {
            TrainingGraph graph =
                    TrainingGraph.build(
                            g,
                            model,
                            new TestOptimizers.GradientDescent(),
                            new TrainingSpec(null, lambda, 0, 0));
            before.accept(g);
            TrainingListener listener =
                    new TrainingListener() {
                        @Override
                        public void onEpoch(EpochMetrics metrics) {
                            afterEach.accept(g);
                        }
                    };
            TrainOptions options =
                    new TrainOptions(epochs, M, new ConstantSchedule(alpha), SEED, 0, null, 1);
            return new Trainer(graph, options, null, listener)
                    .fit(TRAIN, null, TrainState.initial())
                    .history();
        }
    }

    private static double sumOfSquares(float[] v) {
        double s = 0;
        for (float x : v) s += (double) x * x;
        return s;
    }
}
