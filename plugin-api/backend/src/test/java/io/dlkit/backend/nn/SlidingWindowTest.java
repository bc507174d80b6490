package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import io.dlkit.backend.tensor.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * The notes' "Convolutional Implementation of Sliding Windows": a classifier for 14x14x3 windows
 * (conv 5x5, 16 filters → max-pool 2x2 → 5x5x16 → FC 400 → FC 400 → softmax 4), turned into a fully
 * convolutional net (FC 400 = 400 filters of 5x5, the others 1x1), runs on a 16x16x3 image and
 * gives a 2x2x4 grid whose cell (i, j) is the classifier's output on the window at offset (2i, 2j):
 * the max-pool makes the stride 2.
 */
class SlidingWindowTest {
    private static final int CLASSES = 4;

    private static Sequential classifier() {
        return Sequential.builder()
                .input(14, 14, 3)
                .add(new Conv2DLayer(16, 5, "relu"))
                .add(new MaxPoolLayer(2))
                .add(new FlattenLayer())
                .add(new DenseLayer(400, "relu"))
                .add(new DenseLayer(400, "relu"))
                .add(new DenseLayer(CLASSES, "softmax"))
                .build();
    }

    private static Placeholder<TFloat32> input(GraphContext g, long... shape) {
        return g.tf().placeholder(TFloat32.class, Placeholder.shape(Shape.of(shape).prepend(-1)));
    }

    private static float[] run(
            GraphContext g,
            Placeholder<TFloat32> x,
            Operand<TFloat32> y,
            float[] data,
            long... shape) {
        try (TFloat32 in = Tensors.floats(data, shape);
                Result r = g.session().runner().feed(x, in).fetch(y).run()) {
            return Tensors.toFloats(r.get(0));
        }
    }

    /**
     * Three gradient-descent steps on random labels, so the weights are no longer the initial ones.
     */
    private static void train(
            GraphContext g, Sequential model, Placeholder<TFloat32> x, Model.Forward f) {
        Ops tf = g.tf();
        Random random = new Random(8);
        float[] labels = new float[8 * CLASSES];
        for (int i = 0; i < 8; i++) labels[i * CLASSES + random.nextInt(CLASSES)] = 1;
        Operand<TFloat32> loss =
                Losses.categoricalCrossEntropyFromLogits(
                        tf, f.logits(), tf.constant(Shape.of(8, CLASSES), DataBuffers.of(labels)));
        List<WeightVariable<TFloat32>> vars = model.trainableVariables();
        Gradients grads = tf.gradients(loss, vars.stream().map(WeightVariable::variable).toList());
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < vars.size(); i++) {
            updates.add(
                    tf.train.applyGradientDescent(
                            vars.get(i).variable(), tf.constant(0.05f), grads.<TFloat32>dy(i)));
        }
        Op step = tf.withControlDependencies(updates).noOp();
        float[] images = GradCheck.uniformFloats(random, 8 * 14 * 14 * 3, 0, 1);
        for (int s = 0; s < 3; s++) {
            try (TFloat32 in = Tensors.floats(images, 8, 14, 14, 3);
                    Result r = g.session().runner().feed(x, in).addTarget(step).run()) {
                // one step
            }
        }
    }

    /** The 14x14x3 window of a 16x16x3 image at rows top.., columns left... */
    private static float[] crop(float[] image, int top, int left) {
        float[] out = new float[14 * 14 * 3];
        for (int y = 0; y < 14; y++) {
            System.arraycopy(image, ((top + y) * 16 + left) * 3, out, y * 14 * 3, 14 * 3);
        }
        return out;
    }

    @Test
    void should_give_the_classifier_output_of_each_window_in_one_pass() {
        try (GraphContext a = GraphContext.create(DeviceRequest.CPU, 1, 1);
                GraphContext b = GraphContext.create(DeviceRequest.CPU, 1, 2)) {
            // given: a trained classifier of 14x14 windows and its convolutional twin on 16x16
            Sequential model = classifier();
            Placeholder<TFloat32> xa = input(a, 14, 14, 3);
            Model.Forward fa = model.forward(a, xa, a.tf().constant(false));
            train(a, model, xa, fa);
            Sequential twin = ConvolutionalizedDense.convert(model, 16, 16, 3);
            Placeholder<TFloat32> xb = input(b, 16, 16, 3);
            Operand<TFloat32> grid = twin.forward(b, xb, b.tf().constant(false)).output();
            float[] image = GradCheck.uniformFloats(new Random(3), 16 * 16 * 3, 0, 1);
            float[] before = run(b, xb, grid, image, 1, 16, 16, 3);
            // when
            ConvolutionalizedDense.copyWeights(a, b, twin.variables());
            float[] cells = run(b, xb, grid, image, 1, 16, 16, 3);
            // then: cell (i, j) = classifier(window at (2i, 2j)), to 1e-5
            float[] windows = new float[4 * 14 * 14 * 3];
            for (int k = 0; k < 4; k++) {
                float[] w = crop(image, 2 * (k / 2), 2 * (k % 2));
                System.arraycopy(w, 0, windows, k * w.length, w.length);
            }
            float[] expected = run(a, xa, fa.output(), windows, 4, 14, 14, 3);
            assertThat(twin.layerOutputShapes().get(twin.layers().size() - 1))
                    .containsExactly(2, 2, CLASSES);
            assertThat(cells).hasSize(4 * CLASSES);
            for (int i = 0; i < cells.length; i++) {
                assertThat(cells[i])
                        .as("cell %d class %d", i / CLASSES, i % CLASSES)
                        .isCloseTo(expected[i], within(1e-5f));
            }
            // the weights were copied, not initialised alike: different seeds differ before
            assertThat(maxDifference(before, expected)).isGreaterThan(1e-3f);
        }
    }

    private static float maxDifference(float[] p, float[] q) {
        float d = 0;
        for (int i = 0; i < p.length; i++) d = Math.max(d, Math.abs(p[i] - q[i]));
        return d;
    }

    @Test
    void should_turn_each_dense_layer_into_a_valid_convolution() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            // given
            Sequential model = classifier();
            model.forward(g, input(g, 14, 14, 3), g.tf().constant(false));
            // when
            Sequential twin = ConvolutionalizedDense.convert(model, 16, 16, 3);
            // then: FC 400 on 5x5x16 -> 400 filters of 5x5; later FCs -> 1x1; same names
            assertThat(twin.layers())
                    .extracting(Layer::name)
                    .containsExactly("conv2d_1", "max_pool_1", "dense_1", "dense_2", "dense_3");
            Conv2DLayer fc1 = (Conv2DLayer) twin.layers().get(2);
            assertThat(fc1.kernelSize()).containsExactly(5, 5);
            assertThat(fc1.filters()).isEqualTo(400);
            assertThat(fc1.padding()).isEqualTo(Padding.VALID);
            assertThat(((Conv2DLayer) twin.layers().get(3)).kernelSize()).containsExactly(1, 1);
            assertThat(((Conv2DLayer) twin.layers().get(4)).activation())
                    .isEqualTo(Activations.SOFTMAX);
            assertThat(twin.inputShape()).containsExactly(16, 16, 3);
        }
    }

    @Test
    void should_refuse_a_model_without_a_flatten_layer() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 1)) {
            Sequential model = Sequential.builder().input(8).add(new DenseLayer(2, "relu")).build();
            model.forward(g, input(g, 8), g.tf().constant(false));
            assertThatThrownBy(() -> ConvolutionalizedDense.convert(model, 8))
                    .hasMessage(
                            "the model has no flatten layer, so there is no dense part to convolutionalize");
        }
    }
}
