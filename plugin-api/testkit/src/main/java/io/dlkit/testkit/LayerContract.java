package io.dlkit.testkit;

import static io.dlkit.testkit.TensorAsserts.assertAllFinite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.nn.ConfigReader;
import io.dlkit.backend.nn.Layer;
import io.dlkit.backend.nn.LayerType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every layer type, dlkit's and third-party, must do. Implement it in a test class:
 *
 * <pre>{@code
 * class SwishLayerTest implements LayerContract {
 *     public LayerType layerType() { return new SwishLayer.Provider().layerTypes().get(0); }
 *     public Map<String, Object> config() { return Map.of("type", "swish", "beta", 1.5); }
 *     public long[] inputShape() { return new long[] {3, 2}; }
 * }
 * }</pre>
 *
 * <p>The checks: the config round-trips through the type's factory (so model.yaml rebuilds the same
 * layer); an unknown key is rejected with a message that names it and the layer's path; the output
 * has the shape {@link Layer#build} returns and finite values; the gradients of a weighted sum of
 * the outputs with respect to the input and to every trainable variable agree with central finite
 * differences ({@link LayerHarness}); {@link Layer#flops()} is positive when {@link
 * #countsFlops()}.
 */
public interface LayerContract {
    /** The layer type under test. */
    LayerType layerType();

    /** A config of the layer to test, with {@code type}. */
    Map<String, Object> config();

    /** The input shape without the batch dimension. */
    long[] inputShape();

    /** Whether the layer counts its FLOPs (true unless overridden). */
    default boolean countsFlops() {
        return true;
    }

    /** The largest relative gradient error accepted (float32 finite differences); 2%. */
    default double gradientTolerance() {
        return 0.02;
    }

    private Layer create(Map<String, ?> config) {
        return layerType().factory().create(new ConfigReader(config, "layers[0]"));
    }

    @Test
    default void should_round_trip_its_config_through_its_factory() {
        // given
        Layer layer = create(config());
        // when
        Layer again = create(layer.config());
        // then
        assertThat(layer.type()).isEqualTo(layerType().name());
        assertThat(layer.config()).containsEntry("type", layerType().name());
        assertThat(again.config()).isEqualTo(layer.config());
        assertThat(layer.config().keySet()).allMatch(k -> k.matches("[a-z][a-z0-9_]*"));
    }

    @Test
    default void should_reject_an_unknown_key_by_name() {
        Map<String, Object> bad = new LinkedHashMap<>(config());
        bad.put("no_such_key", 1);
        assertThatThrownBy(() -> create(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("layers[0].no_such_key: unknown key");
    }

    @Test
    default void should_give_finite_outputs_of_the_shape_it_reports() {
        try (LayerHarness h = LayerHarness.of(create(named(config())), inputShape(), 2)) {
            float[] y = h.forward();
            long size = 2;
            for (long d : h.outputShape()) size *= d;
            assertThat((long) y.length).isEqualTo(size);
            assertAllFinite(y);
        }
    }

    @Test
    default void should_have_gradients_that_match_finite_differences() {
        try (LayerHarness h = LayerHarness.of(create(named(config())), inputShape(), 2)) {
            h.checkGradients(gradientTolerance());
        }
    }

    @Test
    default void should_count_its_flops_when_it_says_it_does() {
        try (LayerHarness h = LayerHarness.of(create(named(config())), inputShape(), 1)) {
            if (countsFlops()) assertThat(h.layer().flops()).isPositive();
            else assertThat(h.layer().flops()).isZero();
        }
    }

    private static Map<String, Object> named(Map<String, Object> config) {
        Map<String, Object> m = new LinkedHashMap<>(config);
        m.putIfAbsent("name", "under_test");
        return m;
    }
}
