package io.dlkit.plugins.rnn.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.LayerType;
import io.dlkit.testkit.LayerContract;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedding layer. The contract's gradient check with respect to the (integer) input does not
 * apply; the table's gradient is checked here as a count of lookups instead.
 */
class EmbeddingLayerTest implements LayerContract {
    @Override
    public LayerType layerType() {
        return new RnnLayerTypes().layerTypes().get(0);
    }

    @Override
    public Map<String, Object> config() {
        return Map.of("type", "embedding", "vocab", 5, "dim", 3, "tokens", "ab\ncd");
    }

    @Override
    public long[] inputShape() {
        return new long[] {4};
    }

    /**
     * The contract's check differentiates with respect to the input, which holds integer ids here;
     * instead: {@code L = sum(r * y)} with {@code y[t] = E[id_t]} gives {@code dL/dE[v] = sum of
     * r[t] over the steps t reading row v} (rows read twice add up, unread rows get 0).
     */
    @Override
    @Test
    public void should_have_gradients_that_match_finite_differences() {
        EmbeddingLayer layer = new EmbeddingLayer("e", 3, 2, null);
        float[] r = {1, 2, 3, 4, 5, 6};
        float[] grad = TableGradient.of(layer, new float[] {2, 0, 2}, r);
        assertThat(grad).containsExactly(3, 4, 0, 0, 1 + 5, 2 + 6);
    }

    @Test
    void should_look_up_rows_by_id_give_zeros_for_padding_and_clamp_large_ids() {
        EmbeddingLayer layer = new EmbeddingLayer("e", 3, 2, null);
        float[] table = {0, 1, 10, 11, 20, 21};
        float[] y = FixedWeights.run(layer, new long[] {4}, 1, new float[] {2, 0, -1, 7}, table);
        assertThat(y).containsExactly(20, 21, 0, 1, 0, 0, 20, 21);
    }

    @Test
    void should_reject_tokens_that_do_not_match_the_vocabulary_size() {
        assertThatThrownBy(
                        () ->
                                EmbeddingLayer.fromConfig(
                                        new ConfigReader(
                                                Map.of(
                                                        "type",
                                                        "embedding",
                                                        "vocab",
                                                        3,
                                                        "dim",
                                                        2,
                                                        "tokens",
                                                        "ab"),
                                                "layers[0]")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "layers[0].tokens: tokens has 2 characters but vocab is 3; give one"
                                + " character per id");
    }
}
