package io.dlkit.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.nn.AbstractLayer;
import io.dlkit.backend.runtime.GraphContext;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The gradient check of the layer contract catches a wrong gradient. */
class LayerHarnessTest {
    @Test
    void should_fail_the_gradient_check_of_a_layer_whose_gradient_is_half_the_true_one() {
        // given: y = x * stopGradient(x), so TensorFlow says dy/dx = x while it is 2x
        AbstractLayer wrong =
                new AbstractLayer("wrong") {
                    @Override
                    public String type() {
                        return "wrong";
                    }

                    @Override
                    public Map<String, Object> config() {
                        return baseConfig();
                    }

                    @Override
                    protected long[] doBuild(GraphContext graph, long[] inputShape) {
                        return inputShape;
                    }

                    @Override
                    public Operand<TFloat32> call(
                            GraphContext graph, Operand<TFloat32> input, Operand<TBool> training) {
                        return graph.tf().math.mul(input, graph.tf().stopGradient(input));
                    }
                };
        // when / then
        try (LayerHarness h = LayerHarness.of(wrong, new long[] {3}, 2)) {
            assertThatThrownBy(() -> h.checkGradients(0.02))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("dL/dinput[0]");
        }
    }
}
