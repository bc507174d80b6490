package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.runtime.WeightVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * {@link PoolThenRelu}: a training graph (placeholder flag, rewritten to relu(maxpool(z))) and an
 * evaluation-only graph (constant false, maxpool(relu(z)) as written) of the same model and weights
 * give the same output and the same gradients for every variable. The input has blank (all-zero)
 * regions, as Fashion-MNIST does, and positive biases, so that windows tie at a positive value,
 * where the two forms would route the gradient differently if the rewrite were not exact.
 */
class PoolThenReluTest {
    private static final Map<String, Object> MODEL =
            Map.of(
                    "input_shape",
                    List.of(9, 9, 2),
                    "layers",
                    List.of(
                            Map.of(
                                    "type",
                                    "conv2d",
                                    "filters",
                                    3,
                                    "kernel_size",
                                    3,
                                    "activation",
                                    "relu",
                                    "padding",
                                    "same"),
                            Map.of("type", "max_pool", "pool_size", 2, "padding", "same"),
                            Map.of(
                                    "type",
                                    "conv2d",
                                    "filters",
                                    4,
                                    "kernel_size",
                                    2,
                                    "activation",
                                    "relu"),
                            Map.of("type", "max_pool", "pool_size", 2, "strides", 1),
                            Map.of("type", "flatten"),
                            Map.of("type", "dense", "units", 3, "activation", "linear")));

    @Test
    void should_give_the_same_values_and_gradients_as_relu_before_the_pool() {
        float[] x = input(new Random(7), 3 * 9 * 9 * 2);
        Run rewritten = run(x, false);
        Run written = run(x, true);
        assertThat(rewritten.poolInputs).containsOnly("BiasAdd");
        assertThat(written.poolInputs).containsOnly("Relu");
        assertThat(rewritten.values).hasSameSizeAs(written.values);
        for (int i = 0; i < written.values.size(); i++) {
            assertThat(rewritten.values.get(i))
                    .as("fetch " + i)
                    .containsExactly(written.values.get(i));
        }
    }

    private record Run(List<float[]> values, List<String> poolInputs) {}

    private static Run run(float[] x, boolean constantFalse) {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 11)) {
            Ops tf = g.tf();
            Sequential net = Sequential.fromConfig(MODEL);
            Operand<TBool> training =
                    constantFalse
                            ? tf.constant(false)
                            : tf.placeholderWithDefault(tf.constant(true), Shape.scalar());
            Operand<TFloat32> input = tf.constant(Shape.of(3, 9, 9, 2), DataBuffers.of(x));
            Operand<TFloat32> out = net.forward(g, input, training).output();
            float[] r = GradCheck.uniformFloats(new Random(3), 9, -1, 1);
            Operand<TFloat32> loss = GradCheck.weightedSum(tf, out, r, 3, 3);
            List<WeightVariable<TFloat32>> vars = net.trainableVariables();
            Gradients grads =
                    tf.gradients(loss, vars.stream().map(WeightVariable::variable).toList());
            // positive biases: blank windows then tie at a positive value, which the ReLU passes
            List<org.tensorflow.op.Op> biases = new ArrayList<>();
            for (WeightVariable<TFloat32> v : vars) {
                if (v.name().endsWith("_bias"))
                    biases.add(
                            tf.assign(
                                    v.variable(), tf.fill(tf.shape(v.read()), tf.constant(0.3f))));
            }
            g.session().initialize();
            Session.Runner assign = g.session().runner();
            biases.forEach(assign::addTarget);
            assign.run();
            List<float[]> values = new ArrayList<>();
            values.add(GradCheck.fetch(g, out));
            for (int i = 0; i < vars.size(); i++) values.add(GradCheck.fetch(g, grads.dy(i)));
            return new Run(values, poolInputTypes(g));
        }
    }

    private static List<String> poolInputTypes(GraphContext g) {
        List<String> types = new ArrayList<>();
        g.graph()
                .operations()
                .forEachRemaining(
                        op -> {
                            if (op.type().equals("MaxPool"))
                                types.add(((GraphOperation) op).input(0).op().type());
                        });
        return types;
    }

    /** Uniform in [-1, 1] with a blank (zero) top half of every image. */
    private static float[] input(Random random, int n) {
        float[] x = GradCheck.uniformFloats(random, n, -1, 1);
        for (int i = 0; i < n; i++) if ((i / (9 * 2)) % 9 < 4) x[i] = 0f;
        return x;
    }
}
