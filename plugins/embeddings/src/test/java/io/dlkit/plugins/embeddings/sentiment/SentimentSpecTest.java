package io.dlkit.plugins.embeddings.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dlkit.backend.nn.Layers;
import io.dlkit.backend.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two models' files. */
class SentimentSpecTest {
    @Test
    void should_make_the_average_model_a_softmax_over_the_mean_vector() {
        Map<String, Object> m = new SentimentSpec("average", 30).modelConfig(50, 64);
        assertThat(m.get("input_shape")).isEqualTo(List.of(50));
        Sequential model = Sequential.fromConfig(m);
        assertThat(model.layers()).hasSize(1);
        assertThat(model.layers().get(0).config())
                .containsEntry("units", 2)
                .containsEntry("activation", "softmax");
    }

    @Test
    void should_say_in_one_line_that_the_lstm_model_needs_the_rnn_plugin_when_it_is_absent() {
        // given: no rnn plugin here, so no lstm layer type
        assertThat(Layers.types()).doesNotContain("lstm");
        Map<String, Object> m = new SentimentSpec("lstm", 30).modelConfig(50, 64);
        assertThat(m.get("input_shape")).isEqualTo(List.of(30, 50));

        // when / then
        assertThatThrownBy(() -> Sequential.fromConfig(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "layers[0].type: layer type 'lstm' comes from the plugin 'rnn', which is"
                                + " not loaded; install or fix it (see dlkit plugins)");
    }

    @Test
    void should_reject_an_unknown_model_kind() {
        assertThatThrownBy(() -> new SentimentSpec("cnn", 30))
                .hasMessage("--model must be average or lstm, got 'cnn'");
    }
}
