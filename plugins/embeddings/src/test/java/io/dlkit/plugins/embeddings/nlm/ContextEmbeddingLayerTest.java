package io.dlkit.plugins.embeddings.nlm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dlkit.backend.nn.LayerType;
import io.dlkit.backend.runtime.DeviceRequest;
import io.dlkit.backend.runtime.GraphContext;
import io.dlkit.backend.tensor.Tensors;
import io.dlkit.testkit.LayerContract;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.types.TFloat32;

/**
 * The NLM's input layer. The contract's gradient check with respect to the (integer) input does not
 * apply; the table's gradient is checked by hand instead.
 */
class ContextEmbeddingLayerTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new NlmLayerTypes().layerTypes().get(0);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "context_embedding", "vocab", 5, "dim", 3);
    }

    @Override
    public long[] inputShape() {
        return new long[] {4};
    }

    /**
     * {@code L = sum(r * y)} with {@code y = [E[2], E[0], E[2]]} gives {@code dL/dE[v] = the sum of
     * the slices of r that read row v}: row 0 gets r[2..3], row 1 nothing, row 2 r[0..1] + r[4..5].
     */
    @Override
    @Test
    public void should_have_gradients_that_match_finite_differences() {
        float[] r = {1, 2, 3, 4, 5, 6};
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            Ops tf = g.tf();
            ContextEmbeddingLayer layer = new ContextEmbeddingLayer("e", 3, 2);
            layer.build(g, new long[] {3});
            Operand<TFloat32> y = layer.call(g, tf.constant(new float[][] {{2, 0, 2}}), null);
            Operand<TFloat32> loss =
                    tf.sum(
                            tf.math.mul(y, tf.constant(new float[][] {r})),
                            tf.constant(new int[] {0, 1}));
            Gradients grad = tf.gradients(loss, List.of(layer.variables().get(0).variable()));
            try (Result res = g.session().runner().fetch(grad.dy(0)).run()) {
                assertThat(Tensors.toFloats(res.get(0))).containsExactly(3, 4, 0, 0, 6, 8);
            }
        }
    }

    @Test
    void should_concatenate_the_rows_of_the_context_words_in_order() {
        // given: E = [[0, 1], [10, 11], [20, 21]] and two samples of three ids
        try (GraphContext g = GraphContext.create(DeviceRequest.CPU, 1, 7)) {
            Ops tf = g.tf();
            ContextEmbeddingLayer layer = new ContextEmbeddingLayer("e", 3, 2);
            assertThat(layer.build(g, new long[] {3})).containsExactly(6);
            var table = layer.variables().get(0).variable();
            Operand<TFloat32> y =
                    layer.call(g, tf.constant(new float[][] {{2, 0, 1}, {1, 1, 9}}), null);
            g.session()
                    .runner()
                    .addTarget(
                            tf.assign(
                                    table, tf.constant(new float[][] {{0, 1}, {10, 11}, {20, 21}})))
                    .run();
            // when
            try (Result res = g.session().runner().fetch(y).run()) {
                // then: id 9 is clamped to the last row
                assertThat(Tensors.toFloats(res.get(0)))
                        .containsExactly(20, 21, 0, 1, 10, 11, 10, 11, 10, 11, 20, 21);
            }
        }
    }
}
