package io.dlkit.backend.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import java.util.Random;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The evaluation-only graph's batch norm (training flag the constant false): one FusedBatchNormV3
 * on the moving statistics, with a convolution's bias folded into the offset, must give the
 * training graph's inference output ({@code gamma (z + b - mu) / sqrt(var + eps) + beta}, then
 * ReLU).
 */
class InferenceBatchNormTest {
    private static final long[] IN = {5, 5, 3};

    @Test
    void should_give_the_training_graphs_inference_output_with_the_bias_folded_into_the_offset() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            // given: a 3x3 conv with bias, batch norm and relu, every variable random
            Ops tf = g.tf();
            Conv2DLayer layer =
                    Conv2DLayer.builder()
                            .setFilters(4)
                            .setKernelSize(3)
                            .optPadding(Padding.SAME)
                            .optActivation(Activations.get("relu"))
                            .optBatchNorm(true)
                            .optUseBias(true)
                            .optName("conv")
                            .build();
            layer.build(g, IN);
            var x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(2, 5, 5, 3)));
            var flag = tf.placeholderWithDefault(tf.constant(false), Shape.scalar());
            Operand<TFloat32> general = layer.call(g, x, flag);
            Operand<TFloat32> folded = layer.call(g, x, tf.constant(false));
            GradCheck.Setter setter = new GradCheck.Setter(g, layer.variables());
            Random random = new Random(7);
            for (int i = 0; i < layer.variables().size(); i++) {
                int n = (int) layer.variables().get(i).variable().shape().size();
                double[] v = new double[n];
                for (int k = 0; k < n; k++)
                    v[k] = i == 5 ? 0.2 + random.nextDouble() * 2 : random.nextGaussian() * 0.7;
                setter.set(i, v);
            }
            float[] input = GradCheck.uniformFloats(random, 2 * 5 * 5 * 3, -1, 1);
            // when
            float[] a;
            float[] b;
            try (TFloat32 in = Tensors.floats(input, 2, 5, 5, 3);
                    Result r =
                            g.session().runner().feed(x, in).fetch(general).fetch(folded).run()) {
                a = Tensors.toFloats(r.get(0));
                b = Tensors.toFloats(r.get(1));
            }
            // then: the same values up to float rounding, some of them cut by relu, from one op
            assertThat(b).hasSameSizeAs(a);
            for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], within(2e-5f));
            assertThat(a).contains(0f);
            float max = 0;
            for (float v : a) max = Math.max(max, v);
            assertThat(max).isGreaterThan(0.1f);
            assertThat(opTypes(g)).contains("FusedBatchNormV3");
        }
    }

    @Test
    void should_read_only_a_constant_false_as_the_evaluation_only_flag() {
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 3)) {
            Ops tf = g.tf();
            assertThat(TrainingFlag.isConstantFalse(tf.constant(false))).isTrue();
            assertThat(TrainingFlag.isConstantFalse(tf.constant(true))).isFalse();
            assertThat(
                            TrainingFlag.isConstantFalse(
                                    tf.placeholderWithDefault(tf.constant(false), Shape.scalar())))
                    .isFalse();
            assertThat(TrainingFlag.isConstantFalse(tf.placeholder(TBool.class))).isFalse();
        }
    }

    private static java.util.List<String> opTypes(GraphContext g) {
        Iterable<org.tensorflow.GraphOperation> ops = () -> g.graph().operations();
        return StreamSupport.stream(ops.spliterator(), false)
                .map(org.tensorflow.GraphOperation::type)
                .toList();
    }
}
